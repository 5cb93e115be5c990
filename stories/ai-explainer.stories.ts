import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-ai-explainer.js';
import type { EhrAiExplainer } from '../src/components/ai-explainer/ai-explainer.js';
import { InlineEvaluator } from '../src/core/triggers/inline-evaluator.js';
import { adultData, card, childData, sepsisRiskAssessment } from './ai-fixtures.js';

type Args = { score: number; localPrevalence: number; proficiency: 'novice' | 'intermediate' | 'advanced' };
const evaluator = new InlineEvaluator();
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const explainerIn = (canvas: HTMLElement) => canvas.querySelector('ehr-ai-explainer') as EhrAiExplainer;

const meta: Meta<Args> = {
  title: 'Elements/ehr-ai-explainer',
  component: 'ehr-ai-explainer',
  args: { score: 8, localPrevalence: 0.02, proficiency: 'intermediate' },
  argTypes: {
    score: { control: { type: 'range', min: 0, max: 100, step: 1 } },
    localPrevalence: { control: { type: 'range', min: 0.005, max: 0.5, step: 0.005 } },
    proficiency: { control: 'inline-radio', options: ['novice', 'intermediate', 'advanced'] },
  },
  render: (args) => html`<div style="padding:16px;max-width:44rem">
    <ehr-ai-explainer
      .resource=${sepsisRiskAssessment(args.score)}
      .card=${card('example-sepsis-model')}
      .patientData=${adultData}
      .evaluator=${evaluator}
      local-prevalence=${args.localPrevalence}
      proficiency=${args.proficiency}
    ></ehr-ai-explainer>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** One line by default: the output in plain words and what a flag means at this hospital. */
export const Collapsed: Story = {
  play: async ({ canvasElement }) => {
    const el = explainerIn(canvasElement);
    await waitFor(() => expect(text(el)).toContain('about 4 have the condition and 96 do not (at this hospital)'));
  },
};

/** A novice gets the whole explanation: thresholds, icon array, population check, limits and the checklist. */
export const ExpandedForNovice: Story = {
  args: { proficiency: 'novice' },
  play: async ({ canvasElement }) => {
    const el = explainerIn(canvasElement);
    await waitFor(() => expect(text(el)).toContain('Inside the intended population'));
    await expect(el.shadowRoot!.querySelectorAll('[part="icon-array"] circle.with').length).toBe(4);
  },
};

/** A child: outside the model's intended population, with the criterion that fails. */
export const OutsidePopulation: Story = {
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-ai-explainer expanded .resource=${sepsisRiskAssessment(12)} .card=${card('example-sepsis-model')} .patientData=${childData} .evaluator=${evaluator}></ehr-ai-explainer></div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(explainerIn(canvasElement))).toContain('✗ Adult (18 or over): not met by the record'));
  },
};

/** No encounter in context: the inpatient criterion of the deterioration index cannot be checked. */
export const CannotTell: Story = {
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-ai-explainer expanded score="72" .card=${card('example-deterioration-index')} .patientData=${adultData} .evaluator=${evaluator} local-prevalence="0.06"></ehr-ai-explainer></div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(explainerIn(canvasElement))).toContain('Cannot tell from the record'));
  },
};

/** Below the threshold: what a low score does and does not mean. */
export const BelowThreshold: Story = {
  args: { score: 3, proficiency: 'novice' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(explainerIn(canvasElement))).toContain('a low score does not rule it out'));
  },
};

/** The override form with its reasons (opened by the play function). */
export const Overriding: Story = {
  args: { proficiency: 'novice' },
  play: async ({ canvasElement }) => {
    const el = explainerIn(canvasElement);
    await waitFor(() => expect(text(el)).toContain('Inside the intended population'));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Override'))!.click();
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('input[name="reason"]').length).toBe(4));
  },
};

/** After "Agree": the feedback is acknowledged. */
export const FeedbackSent: Story = {
  args: { proficiency: 'novice' },
  play: async ({ canvasElement }) => {
    const el = explainerIn(canvasElement);
    await waitFor(() => expect(text(el)).toContain('Inside the intended population'));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Agree')!.click();
    await waitFor(() => expect(text(el)).toContain('You agreed with this output. Thank you — recorded.'));
  },
};

/** An output whose model has no card: said plainly, nothing invented. */
export const NoModelCard: Story = {
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-ai-explainer .resource=${{ resourceType: 'RiskAssessment', prediction: [{ outcome: { text: 'Heart attack' }, probabilityDecimal: 0.02 }] }}></ehr-ai-explainer></div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(explainerIn(canvasElement))).toContain('No model card is available for this output'));
  },
};

/** Input that is not an AI output: a quiet sentence naming what is wrong. */
export const InvalidOutput: Story = {
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-ai-explainer .resource=${{ resourceType: 'RiskAssessment', prediction: [{ probabilityDecimal: 3.1 }] }}></ehr-ai-explainer></div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(explainerIn(canvasElement))).toContain('This AI output cannot be explained'));
  },
};

/** In Spanish (the toolbar's locale, set here for the story test): the explainer's words and numbers. */
export const Spanish: Story = {
  args: { proficiency: 'novice' },
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const el = explainerIn(canvasElement);
    await waitFor(() => expect(text(el)).toContain('Dentro de la población prevista'));
    await expect(text(el)).toContain('¿Está este paciente en la población prevista?');
  },
};

/** Right to left: the layout mirrors, the icon array fills from the right. */
export const RightToLeft: Story = { ...ExpandedForNovice, globals: { dir: 'rtl' } };
