import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-model-facts.js';
import { card } from './ai-fixtures.js';

type Args = { model: string };
const meta: Meta<Args> = {
  title: 'Elements/ehr-model-facts',
  component: 'ehr-model-facts',
  args: { model: 'example-deterioration-index' },
  argTypes: { model: { control: 'inline-radio', options: ['example-sepsis-model', 'example-deterioration-index', 'example-ich-triage'] } },
  render: (args) => html`<div style="padding:16px"><ehr-model-facts .card=${card(args.model)}></ehr-model-facts></div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The deterioration index card (Singh et al. 2021 figures), with its subgroup notes. */
export const DeteriorationIndex: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ehr-model-facts')!;
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('AUROC 0.79 (95% CI 0.74–0.84)'));
  },
};

/** The sepsis card (Wong et al. 2021 figures). */
export const SepsisModel: Story = { args: { model: 'example-sepsis-model' } };

/** A card that leaves HTI-1 attributes out (two removed from the imaging triage card for this story): flagged where they would be. */
export const MissingAttributesFlagged: Story = {
  render: () => {
    const base = card('example-ich-triage');
    const { fundingSource: _funding, updateProcess: _update, ...hti1 } = base.hti1;
    return html`<div style="padding:16px"><ehr-model-facts .card=${{ ...base, id: 'story-incomplete', hti1 }}></ehr-model-facts></div>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ehr-model-facts')!;
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('dd[part="missing"]').length).toBe(2));
  },
};

/** Calibration and subgroup charts: test figures (not a published model) so the charts have data to draw. */
export const WithCharts: Story = {
  render: () => {
    const base = card('example-ich-triage');
    const figures = {
      ...base,
      id: 'story-figures',
      name: 'Chart demonstration (invented figures, not a real model)',
      output: { type: 'prediction', description: 'Probability (invented for this story)', range: { min: 0, max: 1 } },
      performance: { ...base.performance, auroc: 0.8, calibration: [{ scoreFrom: 0, scoreTo: 0.25, observed: 0.05, n: 400 }, { scoreFrom: 0.25, scoreTo: 0.5, observed: 0.3, n: 200 }, { scoreFrom: 0.5, scoreTo: 0.75, observed: 0.55, n: 120 }, { scoreFrom: 0.75, scoreTo: 1, observed: 0.7, n: 60 }] },
      subgroups: [{ attribute: 'sex', group: 'Women', auroc: 0.82 }, { attribute: 'sex', group: 'Men', auroc: 0.77 }, { attribute: 'age', group: '75 and over', auroc: 0.71 }],
    };
    return html`<div style="padding:16px"><ehr-model-facts .card=${figures}></ehr-model-facts></div>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ehr-model-facts')!;
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part="calibration-chart"] .point').length).toBe(4));
  },
};

/** In Spanish: the label's headings and the 31 HTI-1 attribute labels; the card's content as its developer wrote it. */
export const Spanish: Story = {
  args: { model: 'example-sepsis-model' },
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ehr-model-facts')!;
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('Atributos fuente del HTI-1 de la ONC'));
  },
};

/** Right to left. */
export const RightToLeft: Story = { ...DeteriorationIndex, globals: { dir: 'rtl' } };
