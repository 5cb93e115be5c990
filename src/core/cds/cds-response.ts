import * as v from 'valibot';
import { safeUrl } from '../url-policy.js';
import { jsonPath } from '../validate.js';

/**
 * CDS Hooks 2.0 responses (https://cds-hooks.hl7.org/2.0/#cds-service-response), read leniently: a card that
 * breaks the spec is left out and reported with its JSON path, and the other cards still show. Unknown fields
 * (extensions) pass through untouched.
 */

const STR = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const NONEMPTY = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const CodingSchema = v.looseObject({ code: NONEMPTY(500), system: v.optional(STR(2000)), display: v.optional(STR(1000)) });

export const CdsLinkSchema = v.looseObject({
  label: NONEMPTY(500),
  url: NONEMPTY(4000),
  type: v.picklist(['absolute', 'smart'], 'must be "absolute" or "smart"'),
  appContext: v.optional(STR(20000)),
  autolaunchable: v.optional(v.boolean()),
});

export const CdsActionSchema = v.looseObject({
  type: v.picklist(['create', 'update', 'delete'], 'must be create, update or delete'),
  description: NONEMPTY(2000),
  resource: v.optional(v.looseObject({ resourceType: v.string() })),
  resourceId: v.optional(v.union([v.string(), v.array(v.string())])),
});

export const CdsSuggestionSchema = v.looseObject({
  label: NONEMPTY(500),
  uuid: v.optional(NONEMPTY(200)),
  isRecommended: v.optional(v.boolean()),
  actions: v.optional(v.array(CdsActionSchema)),
});

export const CdsCardSchema = v.looseObject({
  uuid: v.optional(NONEMPTY(200)),
  /** The spec asks for fewer than 140 characters; longer summaries are cut at display, not rejected. */
  summary: NONEMPTY(1000),
  detail: v.optional(STR(20000)),
  /** `success` is CDS Hooks 1.0's and shown as info. */
  indicator: v.picklist(['info', 'warning', 'critical', 'success'], 'must be info, warning or critical'),
  source: v.looseObject({
    label: NONEMPTY(500),
    url: v.optional(STR(4000)),
    icon: v.optional(STR(4000)),
    topic: v.optional(CodingSchema),
  }),
  suggestions: v.optional(v.array(CdsSuggestionSchema)),
  selectionBehavior: v.optional(v.picklist(['at-most-one', 'any'], 'must be "at-most-one" or "any"')),
  overrideReasons: v.optional(v.array(CodingSchema)),
  links: v.optional(v.array(CdsLinkSchema)),
});

export type CdsCard = v.InferOutput<typeof CdsCardSchema>;
export type CdsLink = v.InferOutput<typeof CdsLinkSchema>;
export type CdsSuggestion = v.InferOutput<typeof CdsSuggestionSchema>;
export type CdsCoding = v.InferOutput<typeof CodingSchema>;

export interface CdsProblem {
  /** JSON path of what is wrong, e.g. `cards[1].indicator`. */
  path: string;
  message: string;
}

/** A card as ehr-guide shows it: checked, with a stable key and the service that sent it. */
export interface ReadCard {
  /** The card's uuid, or a key made from the service and position when the service gave none. */
  key: string;
  serviceId: string;
  card: CdsCard;
  /** Links that can be followed: the URL passed ehr-guide's URL policy (http/https only for links). */
  links: CdsLink[];
  icon?: string;
}

/** http(s) or relative URLs only: links and icons from a CDS service never become `javascript:`, `data:` or `mailto:`. */
function webUrl(raw: string): string | undefined {
  const url = safeUrl(raw);
  return url && !/^\s*mailto:/i.test(url) ? url : undefined;
}

/** Reads a CDS Hooks response for one service: valid cards in order, and every problem with its path. */
export function readCdsResponse(response: unknown, serviceId: string): { cards: ReadCard[]; problems: CdsProblem[] } {
  const problems: CdsProblem[] = [];
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    return { cards: [], problems: [{ path: '', message: 'a CDS Hooks response must be an object with a "cards" array' }] };
  }
  const raw = (response as { cards?: unknown }).cards;
  if (!Array.isArray(raw)) return { cards: [], problems: [{ path: 'cards', message: 'must be an array (the spec requires "cards", empty when there is nothing to say)' }] };
  const cards: ReadCard[] = [];
  raw.forEach((candidate, index) => {
    const result = v.safeParse(CdsCardSchema, candidate);
    if (!result.success) {
      for (const issue of result.issues) problems.push({ path: jsonPath(`cards[${index}]`, issue), message: issue.message });
      return;
    }
    const card = result.output;
    const links = (card.links ?? []).filter((link, i) => {
      const ok = webUrl(link.url) !== undefined;
      if (!ok) problems.push({ path: `cards[${index}].links[${i}].url`, message: 'is not an http(s) URL; the link is left out' });
      return ok;
    });
    const icon = card.source.icon ? webUrl(card.source.icon) : undefined;
    if (card.source.icon && !icon) problems.push({ path: `cards[${index}].source.icon`, message: 'is not an http(s) URL; the icon is left out' });
    cards.push({ key: card.uuid ?? `${serviceId}#${index}`, serviceId, card, links, ...(icon ? { icon } : {}) });
  });
  return { cards, problems };
}

/**
 * Cards on screen from several services. A new response from a service replaces that service's earlier cards
 * (they are stale: the service answered again for the same hook); other services' cards stay.
 */
export class CdsCardSet {
  #byService = new Map<string, ReadCard[]>();

  /** Replaces the cards of `serviceId`; returns the keys of the cards it removed. */
  replace(serviceId: string, cards: ReadCard[]): string[] {
    const removed = (this.#byService.get(serviceId) ?? []).map((c) => c.key).filter((key) => !cards.some((c) => c.key === key));
    if (cards.length) this.#byService.set(serviceId, cards);
    else this.#byService.delete(serviceId);
    return removed;
  }

  remove(key: string): void {
    for (const [service, cards] of this.#byService) {
      const rest = cards.filter((c) => c.key !== key);
      if (rest.length !== cards.length) {
        if (rest.length) this.#byService.set(service, rest);
        else this.#byService.delete(service);
      }
    }
  }

  clear(): void {
    this.#byService.clear();
  }

  /** All cards, critical first, then warning, then info, keeping each service's order within an indicator. */
  get cards(): ReadCard[] {
    const rank = { critical: 0, warning: 1, info: 2, success: 2 } as const;
    return [...this.#byService.values()].flat().sort((a, b) => rank[a.card.indicator] - rank[b.card.indicator]);
  }
}
