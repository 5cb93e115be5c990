// React wrapper of <ehr-tour> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrTour as EhrTourElement } from '../components/tour/tour.js';
import '../define/ehr-tour.js';
import { event } from './events.js';

/** `<ehr-tour>` for React 18 and 19: a guided tour: step-by-step popups anchored to the EHR's own controls. */
export const EhrTour = createComponent({
  react: React,
  tagName: 'ehr-tour',
  elementClass: EhrTourElement,
  displayName: 'EhrTour',
  events: {
    onEhrTourStart: event('ehr-tour-start'),
    onEhrTourStep: event('ehr-tour-step'),
    onEhrTourRequestClose: event('ehr-tour-request-close'),
    onEhrTourEnd: event('ehr-tour-end'),
    onEhrTourPause: event('ehr-tour-pause'),
    onEhrTourAction: event('ehr-tour-action'),
    onEhrProblem: event('ehr-problem'),
  },
});
