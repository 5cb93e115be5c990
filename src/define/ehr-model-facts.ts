/** Registers `<ehr-model-facts>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrModelFacts } from '../components/model-facts/model-facts.js';
import { defineElement } from './define-element.js';

defineElement('ehr-model-facts', EhrModelFacts);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-model-facts': EhrModelFacts;
  }
}
