/** Registers `<ehr-help-panel>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrHelpPanel } from '../components/help-panel/help-panel.js';
import { defineElement } from './define-element.js';

defineElement('ehr-help-panel', EhrHelpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-help-panel': EhrHelpPanel;
  }
}
