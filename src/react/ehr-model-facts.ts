// React wrapper of <ehr-model-facts> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrModelFacts as EhrModelFactsElement } from '../components/model-facts/model-facts.js';
import '../define/ehr-model-facts.js';
import { event } from './events.js';

/** `<ehr-model-facts>` for React 18 and 19: a model card as a Model Facts label with HTI-1 source attributes, charts and missing attributes flagged. */
export const EhrModelFacts = createComponent({
  react: React,
  tagName: 'ehr-model-facts',
  elementClass: EhrModelFactsElement,
  displayName: 'EhrModelFacts',
  events: {
    onEhrProblem: event('ehr-problem'),
  },
});
