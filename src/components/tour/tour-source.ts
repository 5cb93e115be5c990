import type { ReactiveControllerHost } from 'lit';
import { ItemController, itemOfKind } from '../../controllers/item-controller.js';
import type { GuideController } from '../../controllers/guide-controller.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import type { Tour } from '../../core/packs/schema.js';
import { localizeGiven } from '../../core/packs/translations.js';
import type { ProblemCode } from '../../events.js';

export interface TourSourceOptions {
  /** The element's `tour` (a tour given as an object), if any. */
  given(): unknown;
  /** The tour came, changed or went. */
  changed(tour: Tour | undefined): void;
  problem(code: ProblemCode, message: string): void;
  /** The locale a given tour's translations are picked for. */
  locale(): string;
}

/**
 * Where `<ehr-tour>`'s tour comes from: its `item` in the guide's packs (followed as packs load and change), or a
 * tour given as an object — validated here, since it did not come through a pack, and localized. The validation
 * (valibot and the pack schema) loads only for a given tour: pack tours were validated with their pack.
 */
export class TourSource {
  /** The tour to walk: the given one once valid, else the pack item. */
  value?: Tour;
  /** Settles once a given tour has been validated (at once for a pack tour). */
  resolving: Promise<unknown> = Promise.resolve();
  readonly #item: ItemController<LoadedItem>;

  constructor(
    host: ReactiveControllerHost,
    guide: GuideController,
    private readonly options: TourSourceOptions,
  ) {
    this.#item = new ItemController<LoadedItem>(host, guide, {
      lookup: itemOfKind('tour'),
      onChange: (item) => this.options.given() === undefined && this.#set(item?.kind === 'tour' ? item : undefined),
      onMissing: (code, message) => this.options.given() === undefined && this.options.problem(code, `<ehr-tour item>: ${message}`),
    });
  }

  /** The pack item to walk when no tour is given. */
  set item(id: string | undefined) {
    this.#item.id = id;
  }

  /** Takes the element's `tour` and `item` as they are now (call when either changed). */
  resolve(): void {
    const given = this.options.given();
    if (given === undefined) return this.#set(this.#item.value?.kind === 'tour' ? this.#item.value : undefined);
    this.#set(undefined);
    this.resolving = import('../../core/packs/validate-item.js').then(({ validateTour }) => {
      if (this.options.given() !== given) return;
      const result = validateTour(given);
      if (result.ok) this.#set(localizeGiven(result.value, this.options.locale()));
      else this.options.problem('item-invalid', result.message);
    });
  }

  #set(tour: Tour | undefined): void {
    this.value = tour;
    this.options.changed(tour);
  }
}
