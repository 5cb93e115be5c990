/** Registers `<ehr-tour>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrTour } from '../components/tour/tour.js';
import { defineElement } from './define-element.js';

defineElement('ehr-tour', EhrTour);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-tour': EhrTour;
  }
}
