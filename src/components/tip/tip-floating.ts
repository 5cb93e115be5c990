import type { Placement } from '../../controllers/placement.js';
import type { ReactiveControllerHost } from 'lit';
import { loadFloatingUi, type AnchorState } from '../../controllers/anchor-controller.js';
import { deepActiveElement } from '../../controllers/deep-query.js';
import { whenIdle } from '../../controllers/when-idle.js';
import { PopupController } from '../popup/popup-controller.js';
import type { TooltipTriggerController } from './tooltip-trigger.js';

type Variant = 'beacon' | 'tooltip' | 'callout';

export interface TipFloatingCallbacks {
  anchorChanged(state: AnchorState): void;
  missing(error: string | undefined): void;
  escape(): void;
  outside(): void;
  show(reason: 'hover' | 'focus'): void;
  hide(reason: 'pointer' | 'blur'): void;
}

/**
 * Where a tip's parts float: the beacon beside its anchor, the popup or tooltip beside the anchor (or the
 * beacon, without one), both in the top layer through the popup primitive; and, for tooltips only (loaded on
 * first need), the hover and focus triggers on the anchor.
 */
export class TipFloating {
  readonly popup: PopupController;
  #tooltip?: TooltipTriggerController;
  #tooltipLoading?: Promise<TooltipTriggerController>;
  #preloaded = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { variant: Variant },
    private readonly callbacks: TipFloatingCallbacks,
  ) {
    this.popup = new PopupController(host, {
      onAnchorChange: (state, anchor) => {
        if (host.variant === 'tooltip' && anchor !== null) void this.bindTooltip();
        else this.#tooltip?.bind(null);
        callbacks.anchorChanged(state);
      },
      onMissing: (error) => callbacks.missing(error),
      onEscape: () => callbacks.escape(),
      onOutsidePointer: () => callbacks.outside(),
    });
  }

  get state(): AnchorState {
    return this.popup.anchor.state;
  }

  get anchor(): Element | null {
    return this.popup.anchor.anchor;
  }

  /** Resolves once the tooltip triggers (when needed) are loaded. */
  get loading(): Promise<unknown> | undefined {
    return this.#tooltipLoading;
  }

  /** Whether the floating parts have something to stand next to. */
  hasPlace(): boolean {
    const s = this.state;
    return s === 'visible' || s === 'hidden' || (s === 'none' && this.host.variant === 'beacon');
  }

  /** Whether focus is on the tip or on its anchor. */
  focusNear(): boolean {
    return this.popup.focusInside() || (this.anchor?.contains(deepActiveElement()) ?? false);
  }

  /** Shows, places or hides the beacon and the panel for the tip's state. */
  place(parts: { beacon?: HTMLElement; panel?: HTMLElement; arrow?: HTMLElement }, s: { available: boolean; showing: boolean; beaconPlacement: Placement; placement: Placement; distance: number }): void {
    if (this.host.variant === 'callout') return this.popup.stopAll();
    const state = this.state;
    // The panel stands beside the anchor but follows the beacon in the keyboard order, so CSS anchoring cannot place
    // it: Floating UI does, fetched while the page is idle once a beacon shows (it is not on the way to the beacon).
    if (this.host.variant === 'beacon' && s.available && !this.#preloaded) {
      this.#preloaded = true;
      whenIdle(() => void loadFloatingUi().catch(() => undefined));
    }
    const offscreen = state === 'hidden';
    // The beacon follows its anchor in the Tab order, and the popup follows the beacon (or the tooltip's control).
    this.popup.sync(parts.beacon, s.available && state !== 'none' && this.hasPlace(), { placement: s.beaconPlacement, distance: 4, offscreen, source: this.anchor });
    this.popup.sync(parts.panel, s.showing && this.hasPlace(), {
      placement: s.placement,
      distance: s.distance,
      arrow: parts.arrow,
      reference: state === 'none' ? (parts.beacon ?? null) : this.anchor,
      offscreen,
      source: this.host.variant === 'beacon' ? (parts.beacon ?? null) : this.anchor,
    });
  }

  /** Binds the hover and focus triggers to the anchor of a tooltip (loading them the first time). */
  async bindTooltip(): Promise<void> {
    const anchor = this.host.variant === 'tooltip' ? this.anchor : null;
    if (!anchor && !this.#tooltip) return;
    this.#tooltipLoading ??= import('./tooltip-trigger.js').then(
      ({ TooltipTriggerController }) => (this.#tooltip = new TooltipTriggerController(this.host, { show: this.callbacks.show, hide: this.callbacks.hide })),
    );
    const trigger = await this.#tooltipLoading;
    trigger.bind(this.host.isConnected && this.host.variant === 'tooltip' ? this.anchor : null);
  }

  /** The pointer is over the tooltip itself: it stays open (WCAG 1.4.13). */
  keepOpen(): void {
    if (this.host.variant === 'tooltip') this.#tooltip?.keepOpen();
  }

  /** The pointer left the tooltip. */
  leave(): void {
    if (this.host.variant === 'tooltip') this.#tooltip?.leave();
  }
}
