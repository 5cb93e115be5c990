import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-guide-report.js';
import type { EhrGuideReport } from '../src/components/guide-report/guide-report.js';
import { aiFeedbackStatement, itemStatement, lessonStatement, withRole } from '../src/core/records/statements.js';

/** A small, fixed set of learning records: 12 clinicians, two models, a lesson and a noisy tip. */
const statements = Array.from({ length: 12 }, (_, i) => {
  const learner = { homePage: 'https://hospital.example', name: `story-${i}` };
  const role = i % 3 ? 'nurse' : 'physician';
  return [
    withRole(aiFeedbackStatement({ modelId: 'example-sepsis-model', outcome: i % 4 ? 'agree' : 'override', source: 'risk-assessment', population: i % 5 ? 'inside' : 'outside', ...(i % 4 ? {} : { reason: { code: 'data-wrong', display: 'The data the score used is wrong or out of date' } }) }, learner), role),
    withRole(aiFeedbackStatement({ modelId: 'example-deterioration-index', outcome: 'agree', source: 'risk-assessment' }, learner), role),
    withRole(lessonStatement({ itemId: 'lesson.reading-a-risk-score', version: '1.0.0', title: 'Reading a risk score', score: i % 6 ? 1 : 0.5, passed: i % 6 !== 0, durationMs: 100000 + i * 1000 }, learner), role),
    withRole(itemStatement('shown', { itemId: 'docs.smartphrases', version: '1.0.0', title: 'Documentation shortcuts', kind: 'tip' }, learner), role),
    withRole(itemStatement(i % 2 ? 'never' : 'got-it', { itemId: 'docs.smartphrases', version: '1.0.0', title: 'Documentation shortcuts', kind: 'tip' }, learner), role),
  ].map((s) => ({ ...s, timestamp: `2026-11-${String(1 + i).padStart(2, '0')}T10:00:00Z` }));
}).flat();

const reportIn = (canvas: HTMLElement) => canvas.querySelector('ehr-guide-report') as EhrGuideReport;
const meta: Meta = {
  title: 'Elements/ehr-guide-report',
  component: 'ehr-guide-report',
  render: () => html`<div style="padding:16px;max-width:60rem"><ehr-guide-report .statements=${statements}></ehr-guide-report></div>`,
  play: async ({ canvasElement }) => {
    const el = reportIn(canvasElement);
    await el.loaded;
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('example-sepsis-model'));
  },
};
export default meta;
type Story = StoryObj;

/** Twelve clinicians' records: figures shown where 5 or more are behind them, withheld elsewhere. */
export const Report: Story = {};

/** In Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async (context) => {
    await meta.play!(context);
    await waitFor(() => expect(reportIn(context.canvasElement).shadowRoot!.textContent).toContain('Informe de gobernanza y aprendizaje'));
  },
};

/** Right to left. */
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
