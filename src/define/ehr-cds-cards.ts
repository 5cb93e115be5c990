/** Registers `<ehr-cds-cards>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrCdsCards } from '../components/cds-cards/cds-cards.js';
import { defineElement } from './define-element.js';
import { registerElementLoader } from '../components/shared/lazy-elements.js';

registerElementLoader('ehr-ai-explainer', () => import('./ehr-ai-explainer.js'));
defineElement('ehr-cds-cards', EhrCdsCards);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-cds-cards': EhrCdsCards;
  }
}
