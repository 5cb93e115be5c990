/** Registers `<ehr-help-panel>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrHelpPanel } from '../components/help-panel/help-panel.js';
import { defineElement } from './define-element.js';
import { registerElementLoader } from '../components/shared/lazy-elements.js';

registerElementLoader('ehr-lesson', () => import('./ehr-lesson.js'));
registerElementLoader('ehr-tour', () => import('./ehr-tour.js'));
registerElementLoader('ehr-checklist', () => import('./ehr-checklist.js'));
defineElement('ehr-help-panel', EhrHelpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-help-panel': EhrHelpPanel;
  }
}
