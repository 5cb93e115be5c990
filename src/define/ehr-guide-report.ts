/** Registers `<ehr-guide-report>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrGuideReport } from '../components/guide-report/guide-report.js';
import { defineElement } from './define-element.js';

defineElement('ehr-guide-report', EhrGuideReport);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-guide-report': EhrGuideReport;
  }
}
