/** Registers `<ehr-ai-badge>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrAiBadge } from '../components/ai-badge/ai-badge.js';
import { defineElement } from './define-element.js';

defineElement('ehr-ai-badge', EhrAiBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-ai-badge': EhrAiBadge;
  }
}
