import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-guide.js';
import '../src/define/ehr-help-panel.js';
import type { EhrGuide } from '../src/components/guide/guide.js';
import { memoryStorage } from '../src/core/progress/storage.js';

// An inline pack without FHIRPath conditions (no worker in stories): on-request items for a physician.
const pack = {
  format: 'ehr-guide-pack/1',
  id: 'story-help',
  version: '1.0.0',
  title: 'Story help',
  locale: 'en',
  items: [
    { kind: 'tip', id: 'help.sepsis-v2', version: '2.0.0', title: 'The sepsis model was updated', reviewBy: '2030-01-01', tags: ["What's new"], unsolicited: false, body: 'Its alert threshold changed from **6** to **8**: fewer alerts, each more likely to be sepsis.' },
    { kind: 'tip', id: 'help.sign', version: '1.0.0', title: 'Before you sign', reviewBy: '2030-01-01', audience: { roles: ['physician'] }, unsolicited: false, body: 'Check **dose**, **route** and **frequency**.' },
    { kind: 'tip', id: 'help.nurse', version: '1.0.0', title: 'Nursing handover', reviewBy: '2030-01-01', audience: { roles: ['nurse'] }, unsolicited: false, body: 'Use the SBAR template.' },
    { kind: 'lesson', id: 'help.lesson', version: '1.0.0', title: 'Reading a risk score (2 minutes)', reviewBy: '2030-01-01', unsolicited: false, body: 'PPV depends on prevalence.', passMark: 1, questions: [{ id: 'q', prompt: 'Prevalence falls. What happens to PPV?', type: 'single', options: [{ id: 'up', text: 'It rises' }, { id: 'down', text: 'It falls', correct: true }] }] },
  ],
};

const meta: Meta = {
  title: 'Elements/ehr-help-panel',
  component: 'ehr-help-panel',
  render: () => html`<ehr-guide user-role="physician" .storage=${memoryStorage()}><div style="padding:16px;max-width:32rem"><ehr-help-panel></ehr-help-panel></div></ehr-guide>`,
  play: async ({ canvasElement }) => {
    (canvasElement.querySelector('ehr-guide') as EhrGuide).engine.addPack(pack, 'story-help');
    const panel = canvasElement.querySelector('ehr-help-panel')!;
    await waitFor(() => expect(panel.shadowRoot!.querySelectorAll('[part="item"]').length).toBe(3));
  },
};
export default meta;
type Story = StoryObj;

/** What's new first, then what applies to a physician here (the nurses' tip is left out). */
export const ForAPhysician: Story = {};

/** A tip opened in place. */
export const TipOpened: Story = {
  play: async (context) => {
    await meta.play!(context);
    const panel = context.canvasElement.querySelector('ehr-help-panel')!;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="item"]')!.click();
    await waitFor(() => expect(panel.shadowRoot!.querySelector('.content:not([hidden]) strong')).not.toBeNull());
  },
};

/** In Spanish: the panel's words, and the items' Spanish translations. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async (context) => {
    await meta.play!(context);
    const panel = context.canvasElement.querySelector('ehr-help-panel')!;
    await waitFor(() => expect(panel.shadowRoot!.textContent).toContain('Ayuda para esta pantalla'));
  },
};

/** Right to left, a tip opened. */
export const RightToLeft: Story = { ...TipOpened, globals: { dir: 'rtl' } };
