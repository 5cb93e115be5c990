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

const interactive = {
  ...tour,
  id: 'story.interactive',
  title: 'Your first order, by doing it',
  spotlight: true,
  steps: [
    { selector: '#freq', title: 'Choose how often', body: 'Choose the frequency **yourself**: the tour goes on when you do.', action: { on: 'select', hintAfterSeconds: 1 }, check: { value: '^Every 12 hours$', fix: 'this order needs every 12 hours.' } },
    { selector: '#sign', title: 'Sign it', body: 'Then sign.', action: { on: 'click' } },
  ],
};

/** An interactive step with the spotlight: it waits for the clinician's own choice, hints, and says what to fix. */
export const InteractiveStep: Story = {
  render: () => html`${ehrScreen()}<ehr-tour .tour=${interactive}></ehr-tour>`,
  play: async ({ canvasElement }) => {
    const el = tourIn(canvasElement);
    await el.start({ focus: false });
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="skip-button"]')).not.toBeNull());
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="spotlight"]')!.matches(':popover-open')).toBe(true));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="hint"]')).not.toBeNull(), { timeout: 3000 });
    const freq = canvasElement.querySelector<HTMLSelectElement>('#freq')!;
    freq.value = 'Daily';
    freq.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="fix"]')).not.toBeNull());
  },
};

/** A step on another screen: the tour waits there, with a quiet card. */
export const Paused: Story = {
  render: () => html`${ehrScreen()}<ehr-tour screen="patient-view" .tour=${{ ...tour, id: 'story.paused', steps: [{ ...tour.steps[0], screen: 'order-select', screenName: 'the order form' }] }}></ehr-tour>`,
  play: async ({ canvasElement }) => {
    const el = tourIn(canvasElement);
    await el.start({ focus: false });
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="paused"]')!.matches(':popover-open')).toBe(true));
  },
};
