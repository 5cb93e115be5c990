// React wrapper of <ehr-lesson> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrLesson as EhrLessonElement } from '../components/lesson/lesson.js';
import '../define/ehr-lesson.js';
import { event } from './events.js';

/** `<ehr-lesson>` for React 18 and 19: a two-minute lesson with a knowledge check, graded in place and recorded as xAPI. */
export const EhrLesson = createComponent({
  react: React,
  tagName: 'ehr-lesson',
  elementClass: EhrLessonElement,
  displayName: 'EhrLesson',
  events: {
    onEhrLessonComplete: event('ehr-lesson-complete'),
    onEhrProblem: event('ehr-problem'),
  },
});
