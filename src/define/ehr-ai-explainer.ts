/** Registers `<ehr-ai-explainer>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrAiExplainer } from '../components/ai-explainer/ai-explainer.js';
import { defineElement } from './define-element.js';
import { registerElementLoader } from '../components/shared/lazy-elements.js';

registerElementLoader('ehr-lesson', () => import('./ehr-lesson.js'));
registerElementLoader('ehr-model-facts', () => import('./ehr-model-facts.js'));
defineElement('ehr-ai-explainer', EhrAiExplainer);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-ai-explainer': EhrAiExplainer;
  }
}
