import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nothing, type TemplateResult } from 'lit';
import type { GuideController } from '../../controllers/guide-controller.js';
import type { Tour } from '../../core/packs/schema.js';
import { renderOffer, type StepView } from './tour.render.js';

/**
 * A tour the engine may offer (never start): `<ehr-tour item>` inside `<ehr-guide>` tells the guide the page can
 * show the offer — pushed items compete only where they can show — and follows the guide's decision, which runs
 * the same fatigue guard as tips (first visit to a screen, "What's new" after an EHR upgrade, budget, caps). The
 * offer counts as shown while on screen; "Not now" and "Don't offer again" are dismissals.
 */
export class TourOfferBinding implements ReactiveController {
  #unmount?: () => void;
  #itemId?: string;
  #counted = false;
  /** The decision as of the last evaluation, so the offer renders only when it changed (and goes at once when dismissed). */
  #shown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly guide: GuideController,
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
    guide.onGuide(() => this.#bind());
    guide.onResult(() => {
      if (this.offered === this.#shown) return;
      this.#shown = this.offered;
      host.requestUpdate();
    });
  }

  /** The offer card for `tour` while the guide offers it (nothing otherwise); Start runs `start`. */
  render(tour: Tour, id: string, t: StepView['t'], start: () => void): TemplateResult | typeof nothing {
    if (!this.#shown || !this.offered) return nothing;
    return renderOffer(id, tour.title, tour.steps.length, t, { start, later: () => this.dismiss(false), never: () => this.dismiss(true) });
  }

  setItem(id: string | undefined): void {
    if (id === this.#itemId) return;
    this.#itemId = id;
    this.#bind();
  }

  /** Re-reads whether offers are allowed (the `no-offer` attribute changed). */
  refresh(): void {
    this.#bind();
  }

  /** Whether the guide offers the tour now: pushed (intrusive) and decided to show. */
  get offered(): boolean {
    const guide = this.guide.guide;
    if (!guide || !this.#itemId || !this.#unmount) return false;
    const decision = guide.decision(this.#itemId);
    return Boolean(decision?.show && decision.intrusive && guide.item(this.#itemId)?.kind === 'tour');
  }

  /** The offer appeared on screen, or left it. */
  visible(visible: boolean): void {
    const guide = this.guide.guide;
    if (!guide || !this.#itemId || visible === this.#counted) return;
    this.#counted = visible;
    if (visible) void guide.recordShown(this.#itemId);
    else guide.recordHidden(this.#itemId);
  }

  /** "Not now" (this session) or "Don't offer again". */
  dismiss(permanent: boolean): void {
    const guide = this.guide.guide;
    if (!guide || !this.#itemId) return;
    this.visible(false);
    this.#shown = false;
    this.host.requestUpdate();
    void guide.recordDismissed(this.#itemId, permanent);
  }

  hostConnected(): void {
    this.#bind();
  }

  hostDisconnected(): void {
    this.#unbind();
  }

  #unbind(): void {
    this.visible(false);
    this.#unmount?.();
    this.#unmount = undefined;
  }

  #bind(): void {
    this.#unbind();
    const guide = this.guide.guide;
    if (guide && this.#itemId && this.host.isConnected && this.enabled()) this.#unmount = guide.mount(this.#itemId);
  }
}
