// React wrapper of <ehr-guide> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrGuide as EhrGuideElement } from '../components/guide/guide.js';
import '../define/ehr-guide.js';
import { event } from './events.js';

/** `<ehr-guide>` for React 18 and 19: loads content packs, holds live context and decides what guidance shows. */
export const EhrGuide = createComponent({
  react: React,
  tagName: 'ehr-guide',
  elementClass: EhrGuideElement,
  displayName: 'EhrGuide',
  events: {
    onEhrGuideReady: event('ehr-guide-ready'),
    onEhrGuideMatch: event('ehr-guide-match'),
    onEhrGuideSuppressed: event('ehr-guide-suppressed'),
    onEhrProblem: event('ehr-problem'),
  },
});
