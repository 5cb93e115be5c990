/** Registers `<ehr-lesson>`. Importing it again, or another copy of ehr-guide, never throws. */
import { EhrLesson } from '../components/lesson/lesson.js';
import { defineElement } from './define-element.js';

defineElement('ehr-lesson', EhrLesson);

declare global {
  interface HTMLElementTagNameMap {
    'ehr-lesson': EhrLesson;
  }
}
