/**
 * Every public event of ehr-guide, with its detail type. Events bubble and are composed, because EHR shells listen
 * at their container; details carry ids and reasons only — never patient data, since any listener on the page
 * receives them.
 */

/** Why a tip opened. */
export type TipShowReason = 'api' | 'pointer' | 'keyboard' | 'hover' | 'focus';
/** Why a tip closed. */
export type TipHideReason = 'api' | 'escape' | 'pointer' | 'blur' | 'close-button' | 'dismiss' | 'outside';

export interface EhrTipShowDetail {
  tipId: string;
  reason: TipShowReason;
}
export interface EhrTipHideDetail {
  tipId: string;
  reason: TipHideReason;
}
export interface EhrTipDismissDetail {
  tipId: string;
  /** `true` for "Don't show again": the tip stays hidden in later sessions. */
  permanent: boolean;
}
/**
 * Every problem any ehr-guide element reports, from one list: what an author, integrator or administrator should
 * fix (content, anchors, packs, attributes) or know about (a send that failed and will be retried).
 */
export type ProblemCode =
  // content and anchors
  | 'anchor-not-found'
  | 'anchor-invalid'
  | 'content-invalid'
  | 'content-load-failed'
  // pack items and model cards named by id, or given as objects
  | 'item-not-found'
  | 'item-wrong-kind'
  | 'item-invalid'
  | 'card-not-found'
  | 'card-invalid'
  // AI outputs, CDS responses and site settings
  | 'output-invalid'
  | 'response-invalid'
  | 'prevalence-invalid'
  | 'attribute-invalid'
  // sending and launching
  | 'feedback-failed'
  | 'launch-failed'
  | 'records'
  // localisation: a message or a locale the library has no words for (English is shown)
  | 'translation-missing'
  // the engine: packs, conditions, storage
  | 'pack-invalid'
  | 'pack-item-invalid'
  | 'pack-fetch-failed'
  | 'value-set-invalid'
  | 'condition-error'
  // tours: a step that cannot go on (its screen never came, its check cannot be evaluated)
  | 'step-unreachable'
  | 'step-condition-invalid'
  // cmi5: a launch from an LMS that could not start or report
  | 'cmi5'
  | 'storage'
  | 'evaluator';

/** A problem, named so someone can fix it. Never patient data. */
export interface EhrProblemDetail {
  /** The tag of the element that reports it (`ehr-tip`, `ehr-guide`, …). */
  element: string;
  code: ProblemCode;
  /** What is wrong and where (JSON paths for content, the selector for anchors). */
  message: string;
  /** JSON path of the offending value, when there is one (`$.items[3].when.conditions[0]`, `steps[2].body`). */
  path?: string;
  /** The pack item or model card concerned, when there is one. */
  itemId?: string;
}

/** Ask before a tip is dismissed ("Got it" / "Don't show again"); `preventDefault()` keeps it. */
export interface EhrTipRequestDismissDetail {
  tipId: string;
  permanent: boolean;
}

export type EhrTipShowEvent = CustomEvent<EhrTipShowDetail>;
export type EhrTipHideEvent = CustomEvent<EhrTipHideDetail>;
export type EhrTipDismissEvent = CustomEvent<EhrTipDismissDetail>;

/** The engine decided an item may show now. */
export interface EhrGuideMatchDetail {
  itemId: string;
  kind: 'tip' | 'tour' | 'lesson' | 'checklist';
  version: string;
}
/** The engine decided an item does not show, and why (which filter, condition or cap). */
export interface EhrGuideSuppressedDetail {
  itemId: string;
  kind: 'tip' | 'tour' | 'lesson' | 'checklist';
  version: string;
  reason: import('./core/fatigue/decisions.js').SuppressReason;
  /** Which condition or cap; authored text and numbers only, never patient data. */
  detail: string;
}
export interface EhrGuideReadyDetail {
  packs: number;
  items: number;
}

/** A clinician's feedback on an AI output. Ids, codes and labels only: no score, no patient data. */
export interface EhrAiFeedbackDetail {
  modelId?: string;
  modelVersion?: string;
  /** agree / override for a score; accept / edit / reject for AI-produced content (`<ehr-ai-badge>`). */
  outcome: 'agree' | 'override' | 'accept' | 'edit' | 'reject';
  /** The override or reject reason's coding (from the CDS card's overrideReasons, or ehr-guide's list). */
  reason?: { code: string; system?: string; display?: string };
  source: 'risk-assessment' | 'observation' | 'cds-card' | 'score' | 'ai-content';
  /** For AI content: its resource type (DocumentReference, Condition…). */
  contentType?: string;
  /** The threshold band's label, or "below threshold". */
  band?: string;
  population?: 'inside' | 'outside' | 'cannot-tell';
  /** The CDS card's uuid when the output came from a card. */
  cardUuid?: string;
}
/** Ask before an override of an AI output is sent; `preventDefault()` cancels it (nothing is recorded or sent). */
export type EhrAiRequestOverrideDetail = EhrAiFeedbackDetail & { outcome: 'override' };
export interface EhrAiToggleDetail {
  expanded: boolean;
}
/** Ask the host (or `<ehr-guide>`'s panel) to open a pack item, e.g. the lesson a model card links to. */
export interface EhrGuideOpenItemDetail {
  itemId: string;
}
/** A CDS card the clinician acted on: accepted suggestions, an override (with reason), a link opened, dismissed. */
export interface EhrCdsCardActionDetail {
  cardKey: string;
  serviceId: string;
  action: 'accept' | 'override' | 'link' | 'dismiss';
  suggestionIds?: string[];
  reason?: { code: string; system?: string; display?: string };
  /** For `link`: the link, and for a smart link, that a SMART launch is wanted. */
  link?: { label: string; url: string; type: 'absolute' | 'smart'; appContext?: string };
}

/** A lesson's knowledge check was answered. */
export interface EhrLessonCompleteDetail {
  itemId: string;
  version: string;
  /** Share of questions right, 0–1. */
  score: number;
  passed: boolean;
}

export interface EhrTourStartDetail {
  tourId: string;
  /** True when a saved tour goes on (after the host navigated away and back, or a reload), at `index`. */
  resumed?: boolean;
  index?: number;
}
/** A running tour waits: its current step is on another screen (workflow point) than the one showing. */
export interface EhrTourPauseDetail {
  tourId: string;
  index: number;
  /** The screen the step is on. */
  screen: string;
}
/** The clinician's action on an interactive step: done (and right), needing a fix, or the step skipped. */
export interface EhrTourActionDetail {
  tourId: string;
  index: number;
  outcome: 'done' | 'fix-needed' | 'skipped';
}
/** A checklist's progress changed (an entry done), or it is complete. */
export interface EhrChecklistChangeDetail {
  checklistId: string;
  done: number;
  count: number;
  complete: boolean;
  /** The entry that was just done, if one was. */
  entryId?: string;
}
export interface EhrTourStepDetail {
  tourId: string;
  /** 0-based index of the step showing. */
  index: number;
  count: number;
}
export interface EhrTourEndDetail {
  tourId: string;
  /** True when the clinician reached the last step and chose Done. */
  completed: boolean;
  /**
   * `screen-not-reached`: the step's screen was not reported within `pause-timeout`; `expired`: a saved tour was
   * older than `resume-within` (a saved position of another version of the tour is not resumed).
   */
  reason: 'done' | 'closed' | 'escape' | 'no-steps' | 'api' | 'disconnected' | 'screen-not-reached' | 'expired';
}
/** Ask before the clinician closes a tour (close button, Escape); `preventDefault()` keeps it running. */
export interface EhrTourRequestCloseDetail {
  tourId: string;
  index: number;
  reason: 'closed' | 'escape';
}

export interface EhrGuideEventMap {
  'ehr-tour-start': CustomEvent<EhrTourStartDetail>;
  'ehr-tour-step': CustomEvent<EhrTourStepDetail>;
  'ehr-tour-end': CustomEvent<EhrTourEndDetail>;
  'ehr-tour-request-close': CustomEvent<EhrTourRequestCloseDetail>;
  'ehr-tour-pause': CustomEvent<EhrTourPauseDetail>;
  'ehr-tour-action': CustomEvent<EhrTourActionDetail>;
  'ehr-checklist-change': CustomEvent<EhrChecklistChangeDetail>;
  'ehr-lesson-complete': CustomEvent<EhrLessonCompleteDetail>;
  'ehr-ai-feedback': CustomEvent<EhrAiFeedbackDetail>;
  'ehr-ai-request-override': CustomEvent<EhrAiRequestOverrideDetail>;
  'ehr-ai-explainer-toggle': CustomEvent<EhrAiToggleDetail>;
  'ehr-ai-badge-toggle': CustomEvent<EhrAiToggleDetail>;
  'ehr-guide-open-item': CustomEvent<EhrGuideOpenItemDetail>;
  'ehr-cds-card-action': CustomEvent<EhrCdsCardActionDetail>;
  'ehr-guide-match': CustomEvent<EhrGuideMatchDetail>;
  'ehr-guide-suppressed': CustomEvent<EhrGuideSuppressedDetail>;
  'ehr-problem': CustomEvent<EhrProblemDetail>;
  'ehr-guide-ready': CustomEvent<EhrGuideReadyDetail>;
  'ehr-tip-show': EhrTipShowEvent;
  'ehr-tip-hide': EhrTipHideEvent;
  'ehr-tip-dismiss': EhrTipDismissEvent;
  'ehr-tip-after-show': EhrTipShowEvent;
  'ehr-tip-after-hide': EhrTipHideEvent;
  'ehr-tip-request-dismiss': CustomEvent<EhrTipRequestDismissDetail>;
}

/** Creates a public ehr-guide event: bubbling and composed. */
export function createEvent<K extends keyof EhrGuideEventMap>(
  type: K,
  detail: EhrGuideEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): EhrGuideEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }) as EhrGuideEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends EhrGuideEventMap {}
}
