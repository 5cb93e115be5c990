// React wrapper of <ehr-tip> (@lit/react): its properties as props, each of its events as an `on…` callback
// typed with the event's detail. Importing it registers the element.
import * as React from 'react';
import { createComponent } from '@lit/react';
import { EhrTip as EhrTipElement } from '../components/tip/tip.js';
import '../define/ehr-tip.js';
import { event } from './events.js';

/** `<ehr-tip>` for React 18 and 19: a contextual tip as a hotspot beacon, tooltip, or inline callout. */
export const EhrTip = createComponent({
  react: React,
  tagName: 'ehr-tip',
  elementClass: EhrTipElement,
  displayName: 'EhrTip',
  events: {
    onEhrTipShow: event('ehr-tip-show'),
    onEhrTipAfterShow: event('ehr-tip-after-show'),
    onEhrTipHide: event('ehr-tip-hide'),
    onEhrTipAfterHide: event('ehr-tip-after-hide'),
    onEhrTipRequestDismiss: event('ehr-tip-request-dismiss'),
    onEhrTipDismiss: event('ehr-tip-dismiss'),
    onEhrProblem: event('ehr-problem'),
  },
});
