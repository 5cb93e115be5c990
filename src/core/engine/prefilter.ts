import type { GuideContext } from '../context/context.js';
import type { Proficiency } from '../packs/schema.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { SuppressReason } from '../fatigue/decisions.js';

export interface PrefilterResult {
  reason: SuppressReason;
  detail: string;
}

function language(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/**
 * The cheap checks, run before any FHIRPath: locale, workflow point, role, proficiency, review-by date. They cost
 * microseconds per item, so FHIRPath only ever runs for items that could show here and now.
 */
export function prefilter(item: LoadedItem, context: GuideContext, proficiency: Proficiency | undefined, today: string, hideExpired: boolean): PrefilterResult | undefined {
  // An item in its own language is for clinicians of that language; the rest show in the best translation, else the pack's.
  if (item.ownLocale && language(item.locale) !== language(context.locale)) {
    return { reason: 'locale', detail: `item is in "${item.locale}", the user's locale is "${context.locale}"` };
  }
  const workflow = item.when?.workflow;
  if (workflow && !(context.workflow && workflow.includes(context.workflow))) {
    return { reason: 'workflow', detail: `applies at ${workflow.join(', ')}; current workflow point is ${context.workflow ?? 'not set'}` };
  }
  const roles = item.audience?.roles;
  if (roles && !(context.role && roles.includes(context.role))) {
    return { reason: 'role', detail: `for ${roles.join(', ')}; user's role is ${context.role ?? 'unknown'}` };
  }
  const levels = item.audience?.proficiency;
  if (levels && !(proficiency && levels.includes(proficiency))) {
    return { reason: 'proficiency', detail: `for ${levels.join(', ')} users; user is ${proficiency ?? 'unknown'}` };
  }
  if (hideExpired && item.reviewBy < today) {
    return { reason: 'expired', detail: `review-by date ${item.reviewBy} has passed` };
  }
  return undefined;
}
