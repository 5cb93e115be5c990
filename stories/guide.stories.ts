import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-guide.js';
import '../src/define/ehr-tip.js';
import type { EhrGuide } from '../src/components/guide/guide.js';
import type { EhrTip } from '../src/components/tip/tip.js';
import { memoryStorage } from '../src/core/progress/storage.js';
import { ehrScreen } from './ehr-screen.js';

// An inline pack (no FHIRPath conditions, so no worker): role- and workflow-targeted tips.
const pack = {
  format: 'ehr-guide-pack/1',
  id: 'story-pack',
  version: '1.0.0',
  title: 'Story pack',
  locale: 'en',
  items: [
    { kind: 'tip', id: 'story.sign', version: '1.0.0', title: 'Before you sign', reviewBy: '2027-06-30', audience: { roles: ['physician'] }, when: { workflow: ['patient-view'], selector: '#sign' }, presentation: 'beacon', placement: 'top', body: 'Check **dose**, **route** and **frequency**.' },
    { kind: 'tip', id: 'story.nurse', version: '1.0.0', title: 'Nursing handover', reviewBy: '2027-06-30', audience: { roles: ['nurse'] }, when: { workflow: ['patient-view'] }, presentation: 'callout', body: 'Use the **SBAR** template in the handover note.' },
    { kind: 'tip', id: 'story.flag', version: '1.0.0', title: 'Flagged result', reviewBy: '2027-06-30', when: { selector: '#k-flag' }, presentation: 'tooltip', placement: 'top', body: 'Outside the reference range: compare with the previous value.' },
  ],
};

type Args = { role: string; workflow: string };

const meta: Meta<Args> = {
  title: 'Elements/ehr-guide',
  component: 'ehr-guide',
  args: { role: 'physician', workflow: 'patient-view' },
  argTypes: {
    role: { control: 'inline-radio', options: ['physician', 'nurse', 'pharmacist'] },
    workflow: { control: 'inline-radio', options: ['patient-view', 'order-select', 'order-sign'] },
  },
  render: (args) => html`<ehr-guide
    user-role=${args.role}
    workflow=${args.workflow}
    .storage=${memoryStorage()}
    .policy=${{ minIntervalMs: 0, maxNewAtOnce: 3 }}
  >
    ${ehrScreen(html`<section aria-label="Guidance"><ehr-tip item="story.nurse"></ehr-tip></section>`)}
    <ehr-tip item="story.sign"></ehr-tip>
    <ehr-tip item="story.flag"></ehr-tip>
  </ehr-guide>`,
  play: async ({ canvasElement }) => {
    const guide = canvasElement.querySelector('ehr-guide') as EhrGuide;
    guide.engine.addPack(pack, 'story-pack');
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A physician at patient-view: the beacon on "Sign order"; the nurses' callout stays away. */
export const Physician: Story = {
  play: async (context) => {
    await meta.play!(context);
    const sign = context.canvasElement.querySelector<EhrTip>('ehr-tip[item="story.sign"]')!;
    await waitFor(() => expect(sign.shadowRoot!.querySelector('[part~="beacon"]')!.matches(':popover-open')).toBe(true));
    const nurse = context.canvasElement.querySelector<EhrTip>('ehr-tip[item="story.nurse"]')!;
    await expect(nurse.open).toBe(false);
  },
};

/** A nurse: the handover callout shows; the physicians' beacon does not. */
export const Nurse: Story = {
  args: { role: 'nurse' },
  play: async (context) => {
    await meta.play!(context);
    const nurse = context.canvasElement.querySelector<EhrTip>('ehr-tip[item="story.nurse"]')!;
    await waitFor(() => expect(nurse.open).toBe(true));
  },
};

/** At order-sign nothing unsolicited shows (the fatigue guard's quiet period); the hover tooltip still works. */
export const QuietAtOrderSign: Story = {
  args: { workflow: 'order-sign' },
  play: async (context) => {
    await meta.play!(context);
    const guide = context.canvasElement.querySelector('ehr-guide') as EhrGuide;
    await waitFor(async () => expect((await guide.explain()).find((d) => d.itemId === 'story.sign')?.reason).toBe('workflow'));
  },
};

/** In Spanish: the page's lang is followed by the guide and its tips. */
export const Spanish: Story = { ...Physician, globals: { locale: 'es' } };

/** Right to left. */
export const RightToLeft: Story = { ...Physician, globals: { dir: 'rtl' } };
