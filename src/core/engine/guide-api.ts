import type { AiContentGuidance } from '../ai-content/guidance.js';
import type { GuideContext } from '../context/context.js';
import type { Decision } from '../fatigue/decisions.js';
import type { ModelCard } from '../models/model-card.js';
import type { PopulationCheck, RelevantSubgroup } from '../models/explain.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { Proficiency } from '../packs/schema.js';
import type { ItemProgress, TourPosition } from '../progress/progress.js';
import type { ConditionResult } from '../triggers/evaluator.js';
import type { AiFeedback, XapiStatement } from '../records/statements.js';

/** One evaluation's outcome: every item's decision, which of them changed, and the context they were made in. */
export interface EvaluationResult {
  decisions: Decision[];
  /** Decisions whose show/reason differs from the previous evaluation. */
  changed: Decision[];
  context: GuideContext;
}

/**
 * What an element inside `<ehr-guide>` may ask of the guide (handed down through @lit/context): read items and
 * decisions, hear when they change, and report what the clinician saw and did. Elements never get the engine
 * itself, so none of them can load packs, change the context or the policy, or read another learner's progress.
 */
export interface GuideApi {
  /** Resolves once every pack load started so far has settled (when "no such item" is a real answer). */
  readonly ready: Promise<void>;
  readonly context: GuideContext;
  readonly proficiency: Proficiency;
  item(id: string): LoadedItem | undefined;
  modelCard(id: string): ModelCard | undefined;
  /** Every model card of the loaded packs. */
  readonly modelCards: readonly ModelCard[];
  /** The packs' review guidance for AI content of `resourceType` made by AI of `kinds`, in the clinician's language. */
  aiContentGuidance(resourceType: string, kinds?: readonly string[]): AiContentGuidance[];
  decision(itemId: string): Decision | undefined;
  /** This learner's progress on an item's current version. */
  itemProgress(itemId: string): ItemProgress | undefined;
  /** Hears every evaluation (after a change of context, packs or progress); returns the function that stops. */
  subscribe(listener: (result: EvaluationResult) => void): () => void;
  /** What applies here and now whatever the fatigue guard pushes (for on-demand surfaces). */
  relevantItems(): Promise<LoadedItem[]>;
  localPrevalence(modelId: string): number | undefined;
  checkPopulation(card: ModelCard): Promise<PopulationCheck>;
  relevantSubgroups(card: ModelCard): Promise<RelevantSubgroup[]>;
  /** An element can render the item; returns the function that unmounts. */
  mount(itemId: string): () => void;
  recordShown(itemId: string): Promise<void>;
  recordHidden(itemId: string): void;
  recordDismissed(itemId: string, permanent: boolean): Promise<void>;
  recordLesson(itemId: string, result: { score: number; passed: boolean; durationMs: number }): Promise<void>;
  recordTour(itemId: string, durationMs: number): Promise<void>;
  /** Where a running tour stands (kept across screens and reloads). */
  tourPosition(itemId: string): Readonly<TourPosition> | undefined;
  /** Keeps, or with `undefined` forgets, where a running tour stands. */
  saveTourPosition(itemId: string, position: Omit<TourPosition, 'version'> | undefined): Promise<void>;
  /** One FHIRPath expression over the live context (a tour step's check). */
  checkCondition(expression: string): Promise<ConditionResult>;
  /** A checklist's tasks done so far (entry id → when). */
  checklistDone(checklistId: string): Readonly<Record<string, number>>;
  /** A checklist's task done (ticked by the clinician, or the host's event). */
  markChecklistEntry(checklistId: string, entryId: string): Promise<void>;
  /** Every loaded item (a checklist's entries are looked up in them). */
  readonly items: readonly LoadedItem[];
  recordAiFeedback(feedback: AiFeedback, options?: { language?: string }): XapiStatement;
  /** The clinician opened an AI output's explanation (once per output shown). */
  recordAiExplained(model: { modelId: string; modelName?: string; source: AiFeedback['source'] }): void;
}
