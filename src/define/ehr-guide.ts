/** Registers `<ehr-guide>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrGuide } from '../components/guide/guide.js';
import { defineElement } from './define-element.js';

defineElement('ehr-guide', EhrGuide);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-guide': EhrGuide;
  }
}
