import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuideApi } from '../core/engine/guide-api.js';
import type { GuideController } from './guide-controller.js';

/** Finds one thing by id in the guide's packs: the value, or why it is not there. */
export type ItemLookup<T> = (guide: GuideApi, id: string) => { value: T } | { problem: 'item-not-found' | 'item-wrong-kind'; message: string };

/** Where a lookup stands: nothing asked, waiting for packs still loading, found, or missing after they loaded. */
export type ItemStatus = 'idle' | 'waiting' | 'found' | 'missing';

export interface ItemControllerOptions<T> {
  lookup: ItemLookup<T>;
  /** The value changed (found, replaced by a later pack, or gone). */
  onChange?: (value: T | undefined) => void;
  /** Packs have settled and the id is still not there (or names another kind); told once per id and guide. */
  onMissing?: (problem: 'item-not-found' | 'item-wrong-kind', message: string) => void;
}

/**
 * "Find the item by id, wait for the packs, follow them, say when it is missing" — once, for every element that
 * renders a pack item or model card. A pack added after the element connected reaches it (the lookup runs again
 * after each evaluation); a missing id is reported only once the packs have settled.
 */
export class ItemController<T> implements ReactiveController {
  value?: T;
  status: ItemStatus = 'idle';
  #id?: string;
  #token = 0;
  #reported = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly guide: GuideController,
    private readonly options: ItemControllerOptions<T>,
  ) {
    host.addController(this);
    guide.onGuide(() => this.refresh());
    guide.onResult(() => this.refresh());
  }

  hostConnected(): void {
    this.refresh();
  }

  /** The id to look up (`undefined`: nothing). */
  get id(): string | undefined {
    return this.#id;
  }

  set id(id: string | undefined) {
    if (id === this.#id) return;
    this.#id = id || undefined;
    this.refresh();
  }

  /** Looks again now (and, when not found, once the packs have settled). */
  refresh(): void {
    const guide = this.guide.guide;
    const id = this.#id;
    const token = ++this.#token;
    if (!guide || !id) return this.#settle(undefined, 'idle');
    const found = this.options.lookup(guide, id);
    if ('value' in found) return this.#settle(found.value, 'found');
    if (this.status !== 'missing') this.#settle(undefined, 'waiting');
    void guide.ready.then(() => {
      if (token !== this.#token) return;
      const again = this.options.lookup(guide, id);
      if ('value' in again) return this.#settle(again.value, 'found');
      this.#settle(undefined, 'missing');
      const key = `${id}\u0000${again.message}`;
      if (this.#reported === key) return;
      this.#reported = key;
      this.options.onMissing?.(again.problem, again.message);
    });
  }

  #settle(value: T | undefined, status: ItemStatus): void {
    const changed = value !== this.value;
    this.value = value;
    if (status === 'found') this.#reported = '';
    if (status !== this.status || changed) {
      this.status = status;
      this.host.requestUpdate();
    }
    if (changed) this.options.onChange?.(value);
  }
}

/** Looks up a pack item of one kind. */
export function itemOfKind<K extends 'tip' | 'tour' | 'lesson' | 'checklist'>(kind: K) {
  return (guide: GuideApi, id: string) => {
    const item = guide.item(id);
    if (item?.kind === kind) return { value: item as Extract<NonNullable<ReturnType<GuideApi['item']>>, { kind: K }> };
    if (item) return { problem: 'item-wrong-kind' as const, message: `"${id}" is a ${item.kind}, not a ${kind}` };
    return { problem: 'item-not-found' as const, message: `no ${kind} "${id}" is in the loaded packs` };
  };
}
