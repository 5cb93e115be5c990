// React wrapper of <ehr-ai-badge> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrAiBadge as EhrAiBadgeElement } from '../components/ai-badge/ai-badge.js';
import '../define/ehr-ai-badge.js';
import { event } from './events.js';

/** `<ehr-ai-badge>` for React 18 and 19: marks AI-generated content (AI Transparency on FHIR) and says who made it, whether it was verified and what to check. */
export const EhrAiBadge = createComponent({
  react: React,
  tagName: 'ehr-ai-badge',
  elementClass: EhrAiBadgeElement,
  displayName: 'EhrAiBadge',
  events: {
    onEhrAiFeedback: event('ehr-ai-feedback'),
    onEhrAiBadgeToggle: event('ehr-ai-badge-toggle'),
    onEhrProblem: event('ehr-problem'),
  },
});
