import { deepActiveElement } from '../../controllers/deep-query.js';
import type { EhrTipHideDetail, EhrTipShowDetail, TipHideReason, TipShowReason } from '../../events.js';
import type { PopupController } from '../popup/popup-controller.js';

export interface TipOpeningHost {
  tipId(): string;
  variant(): 'beacon' | 'tooltip' | 'callout';
  beacon(): HTMLElement | undefined;
  panel(): HTMLElement | undefined;
  showing(): boolean;
  emit(type: 'ehr-tip-show' | 'ehr-tip-after-show', detail: EhrTipShowDetail): void;
  emit(type: 'ehr-tip-hide' | 'ehr-tip-after-hide', detail: EhrTipHideDetail): void;
}

/**
 * A tip's opening and closing as the clinician lives them: why it opened or closed (reported on its events), who
 * opened it, focus moved into a popup only when the clinician opened it, and focus given back when it closes
 * while focus was inside.
 */
export class TipOpening {
  #showReason: TipShowReason = 'api';
  #hideReason: TipHideReason = 'api';
  #opener: HTMLElement | null = null;
  #wasOpen = false;
  #focusWasInside = false;

  constructor(
    private readonly host: TipOpeningHost,
    private readonly popup: PopupController,
  ) {}

  /** The tip is about to open for `reason`: remember who opened it (the beacon, or the focused control). */
  opening(reason: TipShowReason): void {
    this.#showReason = reason;
    const active = deepActiveElement();
    const beacon = this.host.beacon();
    this.#opener = reason === 'api' ? null : this.host.variant() === 'beacon' && beacon ? beacon : active instanceof HTMLElement ? active : null;
  }

  /** The tip is about to close for `reason`. */
  closing(reason: TipHideReason): void {
    this.#hideReason = reason;
    this.#focusWasInside = this.popup.focusInside();
  }

  /** After each render: fires the show / hide events when the tip's visibility changed. */
  rendered(isOpen: boolean): void {
    if (isOpen === this.#wasOpen) return;
    this.#wasOpen = isOpen;
    if (isOpen) this.#afterShow();
    else this.#afterHide();
  }

  /** Once closed: give focus back if it was inside (to the beacon, or, when dismissed, to whoever opened it). */
  returnFocus(dismissed: boolean): void {
    if (!this.#focusWasInside) return;
    this.#focusWasInside = false;
    const beacon = this.host.beacon();
    if (!dismissed && this.host.variant() === 'beacon' && beacon && !beacon.hidden) {
      beacon.focus({ preventScroll: true });
      return;
    }
    const target = this.#opener?.isConnected && this.#opener !== beacon ? this.#opener : this.popup.anchor.anchor;
    if (target instanceof HTMLElement) target.focus({ preventScroll: true });
  }

  #afterShow(): void {
    const detail = { tipId: this.host.tipId(), reason: this.#showReason };
    this.host.emit('ehr-tip-show', detail);
    // Move focus only when the clinician opened the popup themselves: an unsolicited tip must never pull focus
    // away from what they are typing.
    if (this.host.variant() === 'beacon' && (this.#showReason === 'pointer' || this.#showReason === 'keyboard')) this.host.panel()?.focus({ preventScroll: true });
    this.#showReason = 'api';
    void this.popup.settled().then(() => {
      if (this.host.showing()) this.host.emit('ehr-tip-after-show', detail);
    });
  }

  #afterHide(): void {
    const detail = { tipId: this.host.tipId(), reason: this.#hideReason };
    this.host.emit('ehr-tip-hide', detail);
    this.host.emit('ehr-tip-after-hide', detail);
    this.#hideReason = 'api';
  }
}
