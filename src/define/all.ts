/** Registers every element of the EHR page (`<ehr-guide-report>`, for the intranet report page, is registered by its own module). */
import './ehr-tip.js';
import './ehr-guide.js';
import './ehr-ai-explainer.js';
import './ehr-model-facts.js';
import './ehr-cds-cards.js';
import './ehr-lesson.js';
import './ehr-tour.js';
import './ehr-help-panel.js';
import './ehr-ai-badge.js';
import './ehr-checklist.js';
