import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-cds-cards.js';
import type { EhrCdsCards } from '../src/components/cds-cards/cds-cards.js';
import allFeatures from '../test/fixtures/cds-hooks/all-features.json';
import specExample from '../test/fixtures/cds-hooks/02-current-example.json';

const meta: Meta = {
  title: 'Elements/ehr-cds-cards',
  component: 'ehr-cds-cards',
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-cds-cards service-id="story" .response=${allFeatures}></ehr-cds-cards></div>`,
};
export default meta;
type Story = StoryObj;
const cardsIn = (canvas: HTMLElement) => canvas.querySelector('ehr-cds-cards') as EhrCdsCards;

/** Every card feature: indicators, markdown detail (its raw HTML shown as text), source, suggestions, links, override. */
export const AllFeatures: Story = {
  play: async ({ canvasElement }) => {
    const el = cardsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.detail strong')).not.toBeNull());
    await expect(el.shadowRoot!.querySelector('.detail img')).toBeNull();
  },
};

/** The CDS Hooks specification's example response. */
export const SpecificationExample: Story = {
  render: () => html`<div style="padding:16px;max-width:44rem"><ehr-cds-cards service-id="static" .response=${specExample}></ehr-cds-cards></div>`,
};

/** Dismissing a card asks for one of the service's override reasons. */
export const Overriding: Story = {
  play: async ({ canvasElement }) => {
    const el = cardsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('li.card').length).toBe(3));
    const critical = el.shadowRoot!.querySelector('li.card.critical')!;
    [...critical.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Dismiss'))!.click();
    await waitFor(() => expect(critical.querySelectorAll('input[name="reason"]').length).toBe(2));
  },
};

/** After accepting a suggestion the card shows what was accepted. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const el = cardsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('li.card').length).toBe(3));
    const critical = el.shadowRoot!.querySelector('li.card.critical')!;
    critical.querySelector<HTMLInputElement>('input[name="suggestion"]')!.click();
    [...critical.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Accept selected'))!.click();
    await waitFor(() => expect(critical.textContent).toContain('Accepted'));
  },
};

/** In Spanish: the card chrome (indicator, source, actions) in the clinician's language; the cards as the service sent them. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const el = cardsIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('Fuente:'));
  },
};

/** Right to left. */
export const RightToLeft: Story = { ...AllFeatures, globals: { dir: 'rtl' } };
