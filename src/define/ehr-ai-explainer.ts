/** Registers `<ehr-ai-explainer>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrAiExplainer } from '../components/ai-explainer/ai-explainer.js';
import { defineElement } from './define-element.js';

defineElement('ehr-ai-explainer', EhrAiExplainer);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-ai-explainer': EhrAiExplainer;
  }
}
