// What a SMART launch must be allowed to read for the configured packs, worked out from the pack files themselves
// (before the engine exists: the launch page asks for scopes before the app page loads the packs).
import { readShape } from '../core/triggers/dependencies.js';

interface RawPack {
  items?: Array<{ id?: unknown; when?: { conditions?: unknown }; audience?: { roles?: unknown } }>;
  modelCards?: Array<{ population?: { criteria?: Array<{ expression?: unknown }> }; subgroups?: Array<{ criterion?: unknown }> }>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : []);

/** The FHIRPath of a pack file: items' conditions, model cards' criteria and subgroups. */
export function packExpressions(pack: unknown): string[] {
  const p = (pack ?? {}) as RawPack;
  return [
    ...(Array.isArray(p.items) ? p.items : []).flatMap((item) => strings(item?.when?.conditions)),
    ...(Array.isArray(p.modelCards) ? p.modelCards : []).flatMap((card) => [
      ...(Array.isArray(card?.population?.criteria) ? card.population.criteria : []).map((c) => c?.expression),
      ...(Array.isArray(card?.subgroups) ? card.subgroups : []).map((s) => s?.criterion),
    ]).filter((e): e is string => typeof e === 'string'),
  ];
}

/** AI outputs the app explains from the record, whatever the packs' conditions read. */
export const AI_OUTPUT_TYPES = ['RiskAssessment'] as const;

/**
 * The resource types the packs read (plus the AI outputs), and whether user context is needed: an item for an
 * audience (a role) or learning records (a learner identity).
 */
export function packReads(packs: readonly unknown[], options: { learningRecords?: boolean; extraResourceTypes?: readonly string[] } = {}) {
  const shape = readShape(packs.flatMap(packExpressions));
  const resourceTypes = [...new Set([...shape.types, ...AI_OUTPUT_TYPES, ...(options.extraResourceTypes ?? [])])].sort();
  const audience = packs.some((pack) => ((pack as RawPack)?.items ?? []).some((item) => strings(item?.audience?.roles).length > 0));
  return { resourceTypes, userContext: audience || Boolean(options.learningRecords) };
}

/** Per item id, the resource types its conditions read (to say which content an ungranted scope makes unavailable). */
export function itemReads(packs: readonly unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pack of packs) for (const item of (pack as RawPack)?.items ?? []) if (typeof item?.id === 'string') out.set(item.id, readShape(strings(item.when?.conditions)).types as string[]);
  return out;
}
