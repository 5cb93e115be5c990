// React wrapper of <ehr-checklist> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrChecklist as EhrChecklistElement } from '../components/checklist/checklist.js';
import '../define/ehr-checklist.js';
import { event } from './events.js';

/** `<ehr-checklist>` for React 18 and 19: an onboarding checklist of tours, lessons and tasks, with progress, resumable, recorded as xAPI. */
export const EhrChecklist = createComponent({
  react: React,
  tagName: 'ehr-checklist',
  elementClass: EhrChecklistElement,
  displayName: 'EhrChecklist',
  events: {
    onEhrChecklistChange: event('ehr-checklist-change'),
    onEhrGuideOpenItem: event('ehr-guide-open-item'),
    onEhrProblem: event('ehr-problem'),
  },
});
