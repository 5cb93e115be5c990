import type { AiContentGuidance } from '../ai-content/guidance.js';
import type { HttpTransport } from '../adapters.js';
import { loadPack, loadPackInSlices, type LoadedItem, type LoadedPack, type PackLoadResult, type PackProblem } from '../packs/load-pack.js';
import type { ModelCard } from '../models/model-card.js';
import { readShape, type ReadShape } from '../triggers/dependencies.js';
import { resolveValueSets, type ResolvedValueSet } from '../vocabulary/value-sets.js';
import type { EngineProblem } from './problems.js';

/**
 * The loaded content packs: items and model cards by id (a later pack's entry replaces an earlier one with the
 * same id), and what FHIR data their conditions read. Knows nothing of context or decisions. "Later" is the order
 * the host gave the packs in (`load(['a.json', 'b.json'])`: b's entries win, a's items list first), whichever
 * arrives first over the network.
 */
export class PackRegistry {
  #packs = new Map<string, LoadedPack>();
  /** Each pack's place in the order the host asked for it. */
  #rank = new Map<string, number>();
  #nextRank = 0;
  #items = new Map<string, LoadedItem>();
  #cards = new Map<string, ModelCard>();
  #valueSets = new Map<string, ResolvedValueSet>();
  #members: Record<string, string[]> = {};
  #valueSetsVersion = 0;
  #ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly onChange: () => void,
    private readonly onProblem: (problem: EngineProblem) => void,
  ) {}

  /** Adds a parsed pack. Invalid items are skipped and reported. */
  add(json: unknown, source = 'pack'): PackLoadResult {
    return this.#accept(loadPack(json, source), source, this.#nextRank++);
  }

  /** Like add, validating in slices so a large pack never blocks the main thread. */
  async addInSlices(json: unknown, source = 'pack'): Promise<PackLoadResult> {
    const rank = this.#nextRank++;
    return this.#accept(await loadPackInSlices(json, source), source, rank);
  }

  /** Fetches and adds packs (static JSON files on any CDN). A pack that fails to load is reported; the others load. */
  load(urls: readonly string[], transport: HttpTransport, resolveUrl: (url: string) => string = (url) => url): Promise<PackLoadResult[]> {
    const first = this.#nextRank;
    this.#nextRank += urls.length;
    const loading = Promise.all(urls.map((url, i) => this.#loadOne(url, transport, resolveUrl, first + i)));
    this.#ready = Promise.all([this.#ready, loading]).then(() => undefined);
    return loading;
  }

  /** Resolves once every `load()` started so far has settled: when "no such item" is a real answer. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  remove(id: string): void {
    this.#rank.delete(id);
    if (this.#packs.delete(id)) this.#rebuild();
  }

  get items(): readonly LoadedItem[] {
    return [...this.#items.values()];
  }

  item(id: string): LoadedItem | undefined {
    return this.#items.get(id);
  }

  modelCard(id: string): ModelCard | undefined {
    return this.#cards.get(id);
  }

  get modelCards(): ModelCard[] {
    return [...this.#cards.values()];
  }

  /** Every pack's review guidance for AI-produced content. */
  get aiContentGuidance(): AiContentGuidance[] {
    return this.#ordered().flatMap((pack) => pack.aiContentGuidance ?? []);
  }

  /** The packs' value sets, resolved (composed sets included), by canonical url. */
  get valueSets(): ReadonlyMap<string, ResolvedValueSet> {
    return this.#valueSets;
  }

  /** Every value set's members (`system|code`), for the evaluator, and a version that changes with them. */
  get valueSetMembers(): { members: Readonly<Record<string, readonly string[]>>; version: number } {
    return { members: this.#members, version: this.#valueSetsVersion };
  }

  /** FHIR resource types the packs' conditions and model cards' criteria read (what a SMART launch should fetch). */
  get requiredResourceTypes(): string[] {
    return [...this.#shape.types];
  }

  /** What the packs' conditions and model cards read of the record: types, and elements where that is known. */
  get readShape(): ReadShape {
    return this.#shape;
  }

  #shape: ReadShape = { types: [], elements: {} };

  /** Every FHIRPath expression of the loaded packs: items' conditions, model cards' criteria. */
  get expressions(): string[] {
    const expressions: string[] = [];
    for (const item of this.#items.values()) expressions.push(...(item.when?.conditions ?? []));
    for (const card of this.#cards.values()) expressions.push(...cardExpressions(card));
    return expressions;
  }

  /**
   * What a model card's criteria read: a card of the packs reads within their shape; a card from the host (not
   * in any pack) may read more, or other elements of a type.
   */
  cardShape(card: ModelCard): ReadShape {
    return this.modelCard(card.id) === card ? this.#shape : readShape([...this.expressions, ...cardExpressions(card)]);
  }

  #computeShape(): ReadShape {
    return readShape(this.expressions);
  }

  async #loadOne(url: string, transport: HttpTransport, resolveUrl: (url: string) => string, rank: number): Promise<PackLoadResult> {
    let json: unknown;
    try {
      const response = await transport({ url, method: 'GET', headers: { Accept: 'application/json' } });
      if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
      try {
        json = JSON.parse(response.text);
      } catch (error) {
        throw new Error(`not JSON (${(error as Error).message})`);
      }
    } catch (error) {
      const problem: PackProblem = { path: '$', message: `could not be loaded: ${(error as Error).message}` };
      this.onProblem({ code: 'pack-fetch-failed', message: `${url}: ${problem.message}`, source: url });
      return { errors: [problem] };
    }
    const result = await loadPackInSlices(json, url);
    // Value sets served beside the pack (`href`) come with it, relative to the pack's URL.
    await Promise.all(
      (result.pack?.valueSets ?? []).filter((vs) => vs.entry.href).map(async (vs) => {
        const target = besidePack(vs.entry.href!, resolveUrl(url));
        try {
          const response = await transport({ url: target, method: 'GET', headers: { Accept: 'application/fhir+json, application/json' } });
          if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
          vs.fetched = JSON.parse(response.text);
        } catch (error) {
          this.onProblem({ code: 'value-set-invalid', message: `${vs.path}.href: ${vs.entry.href} could not be loaded: ${(error as Error).message}`, source: url, path: `${vs.path}.href` });
        }
      }),
    );
    return this.#accept(result, url, rank);
  }

  /** The packs in the order the host asked for them. */
  #ordered(): LoadedPack[] {
    const rank = (pack: LoadedPack) => this.#rank.get(pack.id) ?? 0;
    return [...this.#packs.values()].sort((a, b) => rank(a) - rank(b));
  }

  #accept(result: PackLoadResult, source: string, rank: number): PackLoadResult {
    for (const error of result.errors) {
      this.onProblem({ code: result.pack ? 'pack-item-invalid' : 'pack-invalid', message: `${source}: ${error.path}: ${error.message}`, source, itemId: error.itemId, path: error.path });
    }
    if (result.pack) {
      this.#packs.set(result.pack.id, result.pack);
      this.#rank.set(result.pack.id, rank);
      this.#rebuild();
    }
    return result;
  }

  #rebuild(): void {
    this.#items.clear();
    this.#cards.clear();
    for (const pack of this.#ordered()) {
      for (const item of pack.items) this.#items.set(item.id, item);
      for (const card of pack.modelCards) this.#cards.set(card.id, card);
    }
    this.#shape = this.#computeShape();
    this.#resolveValueSets();
    this.onChange();
  }

  /** Value sets across every pack (a composed set may include another pack's), with each problem reported. */
  #resolveValueSets(): void {
    const entries = this.#ordered().flatMap((pack) => pack.valueSets);
    const { sets, problems } = resolveValueSets(entries);
    const reported = new Set<string>();
    for (const problem of problems) {
      const message = `${problem.path}: ${problem.message}`;
      if (reported.has(message) || this.#reported.has(message)) continue;
      reported.add(message);
      this.onProblem({ code: 'value-set-invalid', message, path: problem.path });
    }
    for (const message of reported) this.#reported.add(message);
    this.#valueSets = sets;
    this.#members = Object.fromEntries([...sets].map(([url, set]) => [url, [...set.members]]));
    this.#valueSetsVersion++;
  }

  #reported = new Set<string>();
}

/** A path relative to a pack's URL, itself absolute or relative (then resolved by the transport). */
export function besidePack(href: string, packUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(packUrl)) return new URL(href, packUrl).href;
  const resolved = new URL(href, new URL(packUrl, 'http://relative.invalid/'));
  return packUrl.startsWith('/') ? resolved.pathname + resolved.search : resolved.pathname.slice(1) + resolved.search;
}

/** The FHIRPath a model card evaluates: its population criteria and its subgroups' criteria. */
export function cardExpressions(card: ModelCard): string[] {
  return [...card.population.criteria.map((c) => c.expression), ...(card.subgroups ?? []).flatMap((s) => (s.criterion ? [s.criterion] : []))];
}
