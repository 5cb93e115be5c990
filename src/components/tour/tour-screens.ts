import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuideApi } from '../../core/engine/guide-api.js';
import type { TourPosition } from '../../core/progress/progress.js';

export type SavedTour = { position: Readonly<TourPosition> } | { expired: true } | undefined;

/**
 * A tour across screens: the pause while another screen shows (with the timeout after which the tour ends), and
 * the tour's position kept in the learner's progress, so it resumes on the right screen or after a reload — looked
 * up once per tour version and connection.
 */
export class TourScreensController implements ReactiveController {
  /** The screen the current step waits for, while another one shows. */
  paused?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #looked = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly guide: () => GuideApi | undefined,
  ) {
    host.addController(this);
  }

  /** Waits for `screen`; `onTimeout` after `seconds` if it never comes. Returns false when already waiting for it. */
  pause(screen: string, seconds: number, onTimeout: () => void): boolean {
    if (this.paused === screen) return false;
    this.paused = screen;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.paused === screen && onTimeout(), Math.max(0, seconds) * 1000);
    this.host.requestUpdate();
    return true;
  }

  /** The step's screen shows (or the tour ended): nothing to wait for. */
  unpause(): void {
    clearTimeout(this.#timer);
    if (this.paused === undefined) return;
    this.paused = undefined;
    this.host.requestUpdate();
  }

  /**
   * The saved position of pack tour `itemId` (`key`: its id and version), once per key and connection: to resume,
   * or expired (older than `withinMinutes`, and then forgotten).
   */
  saved(itemId: string, key: string, withinMinutes: number): SavedTour {
    const guide = this.guide();
    if (!guide || this.#looked === key) return undefined;
    this.#looked = key;
    const position = guide.tourPosition(itemId);
    if (!position) return undefined;
    if (Date.now() - position.savedAt <= withinMinutes * 60_000) return { position };
    void guide.saveTourPosition(itemId, undefined);
    return { expired: true };
  }

  save(itemId: string, position: Omit<TourPosition, 'version' | 'savedAt'>): void {
    void this.guide()?.saveTourPosition(itemId, { ...position, savedAt: Date.now() });
  }

  forget(itemId: string): void {
    void this.guide()?.saveTourPosition(itemId, undefined);
  }

  hostDisconnected(): void {
    this.unpause();
    this.#looked = '';
  }
}
