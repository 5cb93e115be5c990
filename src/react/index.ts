/**
 * ehr-guide for React (`ehr-guide/react`): one component per element, generated over @lit/react. Import from
 * `ehr-guide/react/<tag>.js` to load one element only.
 */
export { EhrAiBadge } from './ehr-ai-badge.js';
export { EhrAiExplainer } from './ehr-ai-explainer.js';
export { EhrCdsCards } from './ehr-cds-cards.js';
export { EhrGuide } from './ehr-guide.js';
export { EhrGuideReport } from './ehr-guide-report.js';
export { EhrHelpPanel } from './ehr-help-panel.js';
export { EhrLesson } from './ehr-lesson.js';
export { EhrChecklist } from './ehr-checklist.js';
export { EhrModelFacts } from './ehr-model-facts.js';
export { EhrTip } from './ehr-tip.js';
export { EhrTour } from './ehr-tour.js';
export type * from '../events.js';
