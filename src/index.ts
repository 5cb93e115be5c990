/**
 * ehr-guide: element classes, event types and the core, without registering anything.
 * Register elements with `ehr-guide/define/<tag>.js`.
 */
export { EhrTip, type TipVariant } from './components/tip/tip.js';
export { EhrGuide } from './components/guide/guide.js';
export { EhrAiExplainer, DEFAULT_OVERRIDE_REASONS, type ExplainerPatientData } from './components/ai-explainer/ai-explainer.js';
export { EhrModelFacts } from './components/model-facts/model-facts.js';
export { EhrCdsCards, type SmartLinkLauncher } from './components/cds-cards/cds-cards.js';
export { EhrLesson } from './components/lesson/lesson.js';
export { EhrChecklist } from './components/checklist/checklist.js';
export { EhrTour } from './components/tour/tour.js';
export { EhrHelpPanel } from './components/help-panel/help-panel.js';
export { EhrAiBadge } from './components/ai-badge/ai-badge.js';
export { EhrGuideReport } from './components/guide-report/guide-report.js';
export { defineElement } from './define/define-element.js';
export * from './events.js';
export { VERSION } from './version.js';
export { registerMessages, type Messages } from './i18n/catalogue.js';
export type { AnchorState } from './controllers/anchor-controller.js';
export { setCssAnchoring, cssAnchoring } from './controllers/css-anchor-placement.js';
export type { Placement } from './controllers/placement.js';
export {
  safeUrl,
  isCompiledMarkdown,
  checkCompiledMarkdown,
  createDismissalStore,
  type CompiledMarkdown,
  type ContentProblem,
  type DismissalStore,
  type KeyValueStorage,
} from './core/index.js';
