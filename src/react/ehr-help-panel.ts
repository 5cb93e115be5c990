// React wrapper of <ehr-help-panel> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrHelpPanel as EhrHelpPanelElement } from '../components/help-panel/help-panel.js';
import '../define/ehr-help-panel.js';
import { event } from './events.js';

/** `<ehr-help-panel>` for React 18 and 19: on-demand help: what applies here and now, searchable, with progress and "What's new". */
export const EhrHelpPanel = createComponent({
  react: React,
  tagName: 'ehr-help-panel',
  elementClass: EhrHelpPanelElement,
  displayName: 'EhrHelpPanel',
  events: {
    onEhrGuideOpenItem: event('ehr-guide-open-item'),
    onEhrProblem: event('ehr-problem'),
  },
});
