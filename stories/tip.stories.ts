import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/define/ehr-tip.js';
import type { EhrTip } from '../src/components/tip/tip.js';
import { ehrScreen } from './ehr-screen.js';

type Args = Pick<EhrTip, 'variant' | 'heading' | 'placement' | 'tipId' | 'noControls'> & { markdown?: string; anchor?: string };

const tipOf = (canvasElement: HTMLElement) => canvasElement.querySelector('ehr-tip') as EhrTip;

const meta: Meta<Args> = {
  title: 'Elements/ehr-tip',
  component: 'ehr-tip',
  args: {
    variant: 'beacon',
    heading: 'Before you sign',
    anchor: '#sign',
    placement: 'bottom',
    tipId: 'story.orders.sign',
    noControls: false,
    markdown: 'Check **weight** and **renal function** before signing an anticoagulant. [Dosing guide](https://example.org/dosing)',
  },
  argTypes: {
    variant: { control: 'inline-radio', options: ['beacon', 'tooltip', 'callout'] },
    placement: { control: 'select', options: ['top', 'bottom', 'left', 'right', 'top-start', 'bottom-start'] },
  },
  render: (args) =>
    ehrScreen(html`<ehr-tip
      variant=${args.variant}
      anchor=${args.variant === 'callout' ? nothing : (args.anchor ?? nothing)}
      heading=${args.heading}
      placement=${args.placement}
      tip-id=${args.tipId}
      ?no-controls=${args.noControls}
      markdown=${args.markdown ?? nothing}
    ></ehr-tip>`),
  beforeEach: () => localStorage.clear(),
};
export default meta;

type Story = StoryObj<Args>;

/** A pulsing hotspot next to "Sign order"; closed until the clinician opens it. */
export const Beacon: Story = {};

/** The beacon's popup opened from the keyboard; focus is inside it and Escape returns to the beacon. */
export const BeaconOpen: Story = {
  play: async ({ canvasElement }) => {
    const tip = tipOf(canvasElement);
    await tip.updateComplete;
    const beacon = tip.shadowRoot!.querySelector<HTMLButtonElement>('[part~="beacon"]')!;
    beacon.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(tip.open).toBe(true));
    await waitFor(() => expect(tip.shadowRoot!.activeElement?.getAttribute('part')).toBe('panel'));
    await waitFor(() => expect(tip.shadowRoot!.querySelector('strong')?.textContent).toBe('weight'));
    // Let the 120 ms fade-in finish so axe measures contrast on the final colours.
    await Promise.all(tip.shadowRoot!.querySelector('[part~="panel"]')!.getAnimations().map((a) => a.finished));
  },
};

/** A tooltip on a flagged result: shows on hover or focus, hides on Escape or when the pointer leaves. */
export const Tooltip: Story = {
  args: { variant: 'tooltip', anchor: '#k-flag', heading: '', placement: 'top', markdown: 'Above the reference range. Repeat if the sample was **haemolysed**.' },
  play: async ({ canvasElement }) => {
    const tip = tipOf(canvasElement);
    await tip.updateComplete;
    canvasElement.querySelector<HTMLElement>('#k-flag')!.focus();
    await waitFor(() => expect(tip.open).toBe(true));
    await Promise.all(tip.shadowRoot!.querySelector('[part~="panel"]')!.getAnimations().map((a) => a.finished));
  },
};

/** An inline callout in the flow of the page, with "Got it" and "Don't show again". */
export const Callout: Story = {
  args: { variant: 'callout', heading: 'Medication reconciliation', markdown: 'Compare each **home medication** with the inpatient list, then mark it *continue*, *hold* or *stop*.' },
  render: (args) =>
    ehrScreen(html`<section aria-label="Medications">
      <ehr-tip variant="callout" open heading=${args.heading} tip-id=${args.tipId} markdown=${args.markdown ?? nothing}></ehr-tip>
      <p>Home medications: metformin 500 mg, lisinopril 10 mg.</p>
    </section>`),
};

/** Content from a hostile pack: raw HTML shows as text, a javascript: link loses its destination. */
export const HostileMarkdown: Story = {
  args: {
    variant: 'callout',
    heading: 'Safe by construction',
    markdown: 'Raw HTML stays text: <img src=x onerror=alert(1)> and [a javascript: link](javascript:alert(1)).',
  },
  render: Callout.render,
  play: async ({ canvasElement }) => {
    const tip = tipOf(canvasElement);
    await waitFor(() => expect(tip.shadowRoot!.querySelector('[part~="body"]')!.textContent).toContain('<img src=x onerror=alert(1)>'));
    await expect(tip.shadowRoot!.querySelector('img, a')).toBeNull();
  },
};

/** Anchored to a button inside a web component's open shadow root. */
export const InsideShadowRoot: Story = {
  render: (args) => {
    if (!customElements.get('demo-risk-badge')) {
      customElements.define(
        'demo-risk-badge',
        class extends HTMLElement {
          constructor() {
            super();
            const button = document.createElement('button');
            button.className = 'score';
            button.textContent = 'Sepsis risk: 0.82 (high)';
            this.attachShadow({ mode: 'open' }).append(button);
          }
        },
      );
    }
    return ehrScreen(html`<section aria-label="AI risk"><demo-risk-badge></demo-risk-badge></section>
      <ehr-tip anchor=${'demo-risk-badge >>> .score'} heading="Reading this score" tip-id=${args.tipId}
        markdown="This is a model's estimate, not a diagnosis. Check the patient before acting."></ehr-tip>`);
  },
  play: async ({ canvasElement }) => {
    const tip = tipOf(canvasElement);
    await tip.show();
    await waitFor(() => expect(tip.shadowRoot!.querySelector('[part~="panel"]')!.matches(':popover-open')).toBe(true));
    await Promise.all(tip.shadowRoot!.querySelector('[part~="panel"]')!.getAnimations().map((a) => a.finished));
  },
};

/** Themed through --ehr-* custom properties (here: a dark EHR shell). */
export const Themed: Story = {
  render: (args) => html`<div
    style="--ehr-tip-background:#1f2630;--ehr-tip-color:#e8edf3;--ehr-color-accent:#7cb8ff;--ehr-color-on-accent:#0d1620;--ehr-tip-border-color:#6b7687"
  >
    ${ehrScreen(html`<ehr-tip variant="callout" open heading="Dark shell" tip-id=${args.tipId}>Slotted body text, themed by tokens.</ehr-tip>`)}
  </div>`,
};

/** In Spanish: the tip's controls in the clinician's language. */
export const Spanish: Story = {
  ...BeaconOpen,
  globals: { locale: 'es' },
  play: async (context) => {
    await BeaconOpen.play!(context);
    const tip = tipOf(context.canvasElement);
    await waitFor(() => expect(tip.shadowRoot!.querySelector('[part="dismiss-button"]')!.textContent!.trim()).toBe('Entendido'));
  },
};

/** Right to left: the popup at the control's end (its left), the close button at the inline end. */
export const RightToLeft: Story = { ...BeaconOpen, globals: { dir: 'rtl' } };
