import type { EventName } from '@lit/react';
import type { EhrGuideEventMap } from '../events.js';

/** An ehr-guide event's name, typed with its event (so `onEhrTipShow` receives `CustomEvent<EhrTipShowDetail>`). */
export const event = <K extends keyof EhrGuideEventMap>(name: K) => name as EventName<EhrGuideEventMap[K]>;
