/**
 * Registers `<ehr-tip>`. Import this file (or `ehr-guide/define/ehr-tip.js`) once; importing it again, or
 * loading another copy or version of ehr-guide beside it, never throws.
 */
import { EhrTip } from '../components/tip/tip.js';
import { defineElement } from './define-element.js';

defineElement('ehr-tip', EhrTip);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-tip': EhrTip;
  }
}
