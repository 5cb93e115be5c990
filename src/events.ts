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
/** A problem with a tip's content or anchor, named so an author can fix it. */
export interface EhrTipErrorDetail {
  tipId: string;
  code: 'markdown-invalid' | 'markdown-load-failed' | 'anchor-not-found' | 'anchor-invalid';
  /** What is wrong and where (JSON paths for content, the selector for anchors). Never patient data. */
  message: string;
}

export type EhrTipShowEvent = CustomEvent<EhrTipShowDetail>;
export type EhrTipHideEvent = CustomEvent<EhrTipHideDetail>;
export type EhrTipDismissEvent = CustomEvent<EhrTipDismissDetail>;
export type EhrTipErrorEvent = CustomEvent<EhrTipErrorDetail>;

/** The engine decided an item may show now. */
export interface EhrGuideMatchDetail {
  itemId: string;
  kind: 'tip' | 'tour' | 'lesson';
  version: string;
}
/** The engine decided an item does not show, and why (which filter, condition or cap). */
export interface EhrGuideSuppressedDetail {
  itemId: string;
  kind: 'tip' | 'tour' | 'lesson';
  version: string;
  reason: import('./core/fatigue/decisions.js').SuppressReason;
  /** Which condition or cap; authored text and numbers only, never patient data. */
  detail: string;
}
/** A problem for integrators and authors: a pack that failed to load, an invalid item, a failing condition. */
export interface EhrGuideProblemDetail {
  code: string;
  message: string;
  itemId?: string;
}
export interface EhrGuideReadyDetail {
  packs: number;
  items: number;
}

/** A clinician's feedback on an AI output. Ids, codes and labels only: no score, no patient data. */
export interface EhrAiFeedbackDetail {
  modelId?: string;
  modelVersion?: string;
  outcome: 'agree' | 'override';
  /** The override reason's coding (from the CDS card's overrideReasons, or ehr-guide's list). */
  reason?: { code: string; system?: string; display?: string };
  source: 'risk-assessment' | 'observation' | 'cds-card' | 'score';
  /** The threshold band's label, or "below threshold". */
  band?: string;
  population?: 'inside' | 'outside' | 'cannot-tell';
  /** The CDS card's uuid when the output came from a card. */
  cardUuid?: string;
}
/** Something an author or integrator should fix, or a send that failed; the message names what and where. */
export interface EhrAiProblemDetail {
  code: 'output-invalid' | 'card-invalid' | 'card-not-found' | 'prevalence-invalid' | 'feedback-failed' | 'response-invalid';
  message: string;
}
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
  reason: 'done' | 'closed' | 'escape' | 'no-steps' | 'api';
}
export interface EhrTourErrorDetail {
  tourId: string;
  code: 'anchor-not-found' | 'tour-invalid';
  message: string;
}

export interface EhrGuideEventMap {
  'ehr-tour-start': CustomEvent<EhrTourStartDetail>;
  'ehr-tour-step': CustomEvent<EhrTourStepDetail>;
  'ehr-tour-end': CustomEvent<EhrTourEndDetail>;
  'ehr-tour-error': CustomEvent<EhrTourErrorDetail>;
  'ehr-lesson-complete': CustomEvent<EhrLessonCompleteDetail>;
  'ehr-ai-feedback': CustomEvent<EhrAiFeedbackDetail>;
  'ehr-ai-problem': CustomEvent<EhrAiProblemDetail>;
  'ehr-ai-explainer-toggle': CustomEvent<EhrAiToggleDetail>;
  'ehr-guide-open-item': CustomEvent<EhrGuideOpenItemDetail>;
  'ehr-cds-card-action': CustomEvent<EhrCdsCardActionDetail>;
  'ehr-guide-match': CustomEvent<EhrGuideMatchDetail>;
  'ehr-guide-suppressed': CustomEvent<EhrGuideSuppressedDetail>;
  'ehr-guide-problem': CustomEvent<EhrGuideProblemDetail>;
  'ehr-guide-ready': CustomEvent<EhrGuideReadyDetail>;
  'ehr-tip-show': EhrTipShowEvent;
  'ehr-tip-hide': EhrTipHideEvent;
  'ehr-tip-dismiss': EhrTipDismissEvent;
  'ehr-tip-error': EhrTipErrorEvent;
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
