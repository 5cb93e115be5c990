/** Registers `<ehr-checklist>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrChecklist } from '../components/checklist/checklist.js';
import { defineElement } from './define-element.js';
import { registerElementLoader } from '../components/shared/lazy-elements.js';

registerElementLoader('ehr-lesson', () => import('./ehr-lesson.js'));
registerElementLoader('ehr-tour', () => import('./ehr-tour.js'));
defineElement('ehr-checklist', EhrChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-checklist': EhrChecklist;
  }
}
