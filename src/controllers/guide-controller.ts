import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EvaluationResult, GuideApi } from '../core/engine/guide-api.js';
import { guideContext } from './guide-context.js';

/**
 * The enclosing `<ehr-guide>`, as its narrow `GuideApi`, for any element: found through @lit/context, followed
 * when the element moves to another guide, and listened to only while the element is connected. Elements add
 * what they need to hear with `onGuide` (a new guide, or none) and `onResult` (each evaluation).
 */
export class GuideController implements ReactiveController {
  /** The guide this element is inside, if any. */
  guide?: GuideApi;

  #connected = false;
  #changed = false;
  #unsubscribe?: () => void;
  #onGuide = new Set<(guide: GuideApi | undefined) => void>();
  #onResult = new Set<(result: EvaluationResult) => void>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, { context: guideContext, subscribe: true, callback: (guide) => this.#set(guide) });
  }

  /** Hears a change of guide (also the first one); returns the function that stops. */
  onGuide(listener: (guide: GuideApi | undefined) => void): () => void {
    this.#onGuide.add(listener);
    return () => this.#onGuide.delete(listener);
  }

  /** Hears each of the guide's evaluations while connected; returns the function that stops. */
  onResult(listener: (result: EvaluationResult) => void): () => void {
    this.#onResult.add(listener);
    return () => this.#onResult.delete(listener);
  }

  /** Whether the guide changed since the last call (for `willUpdate`, like `changed.has(…)`). */
  takeChange(): boolean {
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #set(guide: GuideApi | undefined): void {
    if (guide === this.guide) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.guide = guide;
    this.#changed = true;
    this.#listen();
    for (const listener of this.#onGuide) listener(guide);
    this.host.requestUpdate();
  }

  #listen(): void {
    if (!this.#connected || !this.guide || this.#unsubscribe) return;
    this.#unsubscribe = this.guide.subscribe((result) => {
      for (const listener of this.#onResult) listener(result);
    });
  }
}
