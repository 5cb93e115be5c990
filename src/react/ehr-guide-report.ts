// React wrapper of <ehr-guide-report> (@lit/react): its properties as props, each of its events as an `on…`
// callback typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrGuideReport as EhrGuideReportElement } from '../components/guide-report/guide-report.js';
import '../define/ehr-guide-report.js';
import { event } from './events.js';

/** `<ehr-guide-report>` for React 18 and 19: a governance and learning report from xAPI learning records, with small cells suppressed. */
export const EhrGuideReport = createComponent({
  react: React,
  tagName: 'ehr-guide-report',
  elementClass: EhrGuideReportElement,
  displayName: 'EhrGuideReport',
  events: {
    onEhrProblem: event('ehr-problem'),
  },
});
