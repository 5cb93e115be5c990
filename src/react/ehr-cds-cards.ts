// React wrapper of <ehr-cds-cards> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrCdsCards as EhrCdsCardsElement } from '../components/cds-cards/cds-cards.js';
import '../define/ehr-cds-cards.js';
import { event } from './events.js';

/** `<ehr-cds-cards>` for React 18 and 19: cDS Hooks cards, safely rendered, with suggestions, links, override reasons, feedback and AI explainers. */
export const EhrCdsCards = createComponent({
  react: React,
  tagName: 'ehr-cds-cards',
  elementClass: EhrCdsCardsElement,
  displayName: 'EhrCdsCards',
  events: {
    onEhrCdsCardAction: event('ehr-cds-card-action'),
    onEhrProblem: event('ehr-problem'),
  },
});
