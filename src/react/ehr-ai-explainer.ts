// React wrapper of <ehr-ai-explainer> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrAiExplainer as EhrAiExplainerElement } from '../components/ai-explainer/ai-explainer.js';
import '../define/ehr-ai-explainer.js';
import { event } from './events.js';

/** `<ehr-ai-explainer>` for React 18 and 19: explains an AI output (risk score, CDS card) with PPV at local prevalence and a population check. */
export const EhrAiExplainer = createComponent({
  react: React,
  tagName: 'ehr-ai-explainer',
  elementClass: EhrAiExplainerElement,
  displayName: 'EhrAiExplainer',
  events: {
    onEhrAiRequestOverride: event('ehr-ai-request-override'),
    onEhrAiFeedback: event('ehr-ai-feedback'),
    onEhrProblem: event('ehr-problem'),
    onEhrAiExplainerToggle: event('ehr-ai-explainer-toggle'),
    onEhrGuideOpenItem: event('ehr-guide-open-item'),
  },
});
