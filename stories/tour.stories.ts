import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-tour.js';
import type { EhrTour } from '../src/components/tour/tour.js';
import { ehrScreen } from './ehr-screen.js';

const tour = {
  kind: 'tour',
  id: 'story.order-entry',
  version: '1.0.0',
  title: 'Order entry in three steps',
  reviewBy: '2027-06-30',
  body: 'A short walkthrough of the order form.',
  steps: [
    { selector: '#med', title: 'Medication', body: 'Search by **generic name**; pick the strength and form.' },
    { selector: '#freq', title: 'Frequency', body: 'Choose how often; check it matches the indication.' },
    { selector: '#sign', title: 'Sign', body: 'Signing sends the order to pharmacy verification.' },
  ],
};

const meta: Meta = {
  title: 'Elements/ehr-tour',
  component: 'ehr-tour',
  render: () => html`${ehrScreen()}<ehr-tour .tour=${tour}></ehr-tour>`,
};
export default meta;
type Story = StoryObj;
const tourIn = (canvas: HTMLElement) => canvas.querySelector('ehr-tour') as EhrTour;
const shown = (el: EhrTour) => el.shadowRoot!.querySelector('[part="panel"]')!.matches(':popover-open');

/** Not started: nothing on the page. */
export const Idle: Story = {};

/** The first step beside the medication field. */
export const FirstStep: Story = {
  play: async ({ canvasElement }) => {
    const el = tourIn(canvasElement);
    await el.start({ focus: false });
    await waitFor(() => expect(shown(el)).toBe(true));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="body"] strong')).not.toBeNull());
  },
};

/** The last step: "Done" ends the tour. */
export const LastStep: Story = {
  play: async ({ canvasElement }) => {
    const el = tourIn(canvasElement);
    await el.start({ focus: false });
    el.next();
    el.next();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="next-button"]')!.textContent!.trim()).toBe('Done'));
    await waitFor(() => expect(shown(el)).toBe(true));
  },
};

/** In Spanish: the tour's controls and progress in the clinician's language. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const el = tourIn(canvasElement);
    await el.start({ focus: false });
    await waitFor(() => expect(shown(el)).toBe(true));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="next-button"]')!.textContent!.trim()).toBe('Siguiente'));
  },
};

/** Right to left. */
export const RightToLeft: Story = { ...FirstStep, globals: { dir: 'rtl' } };
