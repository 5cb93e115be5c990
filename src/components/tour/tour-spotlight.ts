import type { ReactiveControllerHost } from 'lit';
import type { SpotlightController } from './spotlight-controller.js';

/**
 * `<ehr-tour>`'s spotlight, as the tour element sees it: SpotlightController (and Floating UI's autoUpdate with
 * it) loads the first time a step asks for a spotlight, so a tour without one never fetches it.
 */
export class TourSpotlight {
  #spotlight?: SpotlightController;
  #loading = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Dims the page around `anchor` in `layer` (`anchor` null: no spotlight). Returns true when the layer was newly
   * opened: the step's panel must then open again, to stay above it in the top layer.
   */
  sync(layer: HTMLElement | null, anchor: Element | null): boolean {
    if (anchor && !this.#spotlight) {
      if (this.#loading) return false;
      this.#loading = true;
      void import('./spotlight-controller.js').then(({ SpotlightController }) => {
        this.#spotlight = new SpotlightController(this.host);
        this.host.requestUpdate();
      });
      return false;
    }
    return this.#spotlight?.sync(layer, anchor) ?? false;
  }

  hide(): void {
    this.#spotlight?.hide();
  }
}
