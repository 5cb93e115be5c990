/** Registers `<ehr-cds-cards>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrCdsCards } from '../components/cds-cards/cds-cards.js';
import { defineElement } from './define-element.js';

defineElement('ehr-cds-cards', EhrCdsCards);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-cds-cards': EhrCdsCards;
  }
}
