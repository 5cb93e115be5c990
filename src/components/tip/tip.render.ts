import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import type messages from '../../i18n/compiled/en/tip.js';

export type TipMessage = keyof typeof messages;

export type TipVariant = 'beacon' | 'tooltip' | 'callout';

/** The tip's public properties the templates read. */
export interface TipLook {
  variant: TipVariant;
  heading: string;
  headingLevel?: number;
  beaconLabel: string;
  tipId: string;
  noControls: boolean;
}

/** What the tip's templates need beyond its public properties: its state, its body and its (stable) handlers. */
export interface TipView {
  tip: TipLook;
  showing: boolean;
  beaconHidden: boolean;
  floatingBeacon: boolean;
  hasSlottedBody: boolean;
  hasSlottedHeading: boolean;
  body: MarkdownBodyController;
  on: TipHandlers;
  /** The tip's words in the clinician's language. */
  t: (key: TipMessage, args?: Record<string, unknown>) => string;
}

export interface TipHandlers {
    beaconClick: (event: MouseEvent) => void;
    close: () => void;
    dismiss: (permanent: boolean) => void;
    calloutKeydown: (event: KeyboardEvent) => void;
    panelEnter: () => void;
    panelLeave: () => void;
    bodySlot: (event: Event) => void;
    headingSlot: (event: Event) => void;
}

function renderHeading(v: TipView) {
  const content = html`<slot name="heading" @slotchange=${v.on.headingSlot}>${v.tip.heading}</slot>`;
  const hidden = !v.tip.heading && !v.hasSlottedHeading;
  // A real heading only when the host asks for one at its level (role + aria-level: no extra markup or code).
  const level = v.tip.headingLevel === undefined ? undefined : Math.min(6, Math.max(2, Math.round(v.tip.headingLevel) || 3));
  return html`<span class="heading" part="heading" id="heading" role=${ifDefined(level ? 'heading' : undefined)} aria-level=${ifDefined(level)} ?hidden=${hidden}>${content}</span>`;
}

function renderBody(v: TipView) {
  const showCompiled = !v.hasSlottedBody;
  const plain = showCompiled && v.body.plain !== undefined;
  return html`<div class="body md ${plain ? 'plain' : ''}" part="body" id="body">
    <slot @slotchange=${v.on.bodySlot}></slot>${showCompiled ? v.body.render({ table: v.t('table'), image: v.t('image') }) : nothing}
  </div>`;
}

function renderControls(v: TipView) {
  if (v.tip.noControls) return nothing;
  return html`<div class="actions" part="actions">
    ${v.tip.tipId ? html`<button type="button" class="secondary" part="never-button" @click=${() => v.on.dismiss(true)}>${v.t('never')}</button>` : nothing}
    <button type="button" class="primary" part="dismiss-button" @click=${() => v.on.dismiss(false)}>${v.t('gotIt')}</button>
  </div>`;
}

function renderClose(v: TipView) {
  return html`<button type="button" class="close" part="close-button" aria-label=${v.t('close')} @click=${v.on.close}><span aria-hidden="true">×</span></button>`;
}

const label = (v: TipView) => v.tip.heading || v.tip.beaconLabel || v.t('tip');
const labelled = (v: TipView) => Boolean(v.tip.heading || v.hasSlottedHeading);

/** The tip's shadow DOM for its three variants. */
export function renderTip(v: TipView) {
  if (v.tip.variant === 'callout') {
    return html`<div
      class="panel callout"
      part="panel"
      role="note"
      aria-labelledby=${ifDefined(labelled(v) ? 'heading' : undefined)}
      aria-label=${ifDefined(labelled(v) ? undefined : label(v))}
      ?hidden=${!v.showing}
      @keydown=${v.on.calloutKeydown}
    >
      <div class="header" part="header">${renderHeading(v)}${renderClose(v)}</div>
      ${renderBody(v)} ${renderControls(v)}
    </div>`;
  }
  if (v.tip.variant === 'tooltip') {
    return html`<div class="panel tooltip" part="panel" role="tooltip" popover="manual" @pointerenter=${v.on.panelEnter} @pointerleave=${v.on.panelLeave}>
      <div class="arrow" part="arrow"></div>
      ${labelled(v) ? html`<div class="header" part="header">${renderHeading(v)}</div>` : renderHeading(v)} ${renderBody(v)}
    </div>`;
  }
  return html`<button
      type="button"
      class="beacon"
      part="beacon"
      popover=${ifDefined(v.floatingBeacon ? 'manual' : undefined)}
      aria-label=${v.tip.beaconLabel || v.t('beacon', { label: label(v) })}
      aria-expanded=${v.showing ? 'true' : 'false'}
      aria-controls="panel"
      ?hidden=${v.beaconHidden}
      @click=${v.on.beaconClick}
    >
      <span class="beacon-dot" part="beacon-dot"></span>
    </button>
    <div
      class="panel"
      part="panel"
      id="panel"
      role="dialog"
      tabindex="-1"
      popover="manual"
      aria-labelledby=${ifDefined(labelled(v) ? 'heading' : undefined)}
      aria-label=${ifDefined(labelled(v) ? undefined : label(v))}
    >
      <div class="arrow" part="arrow"></div>
      <div class="header" part="header">${renderHeading(v)}${renderClose(v)}</div>
      ${renderBody(v)} ${renderControls(v)}
    </div>`;
}
