import type { Proficiency } from '../packs/schema.js';

/** Lessons passed, or items seen, from which a learner counts as intermediate. */
export const INTERMEDIATE_LESSONS = 2;
export const INTERMEDIATE_ITEMS_SEEN = 10;
/** Lessons passed, or items seen, from which a learner counts as advanced. */
export const ADVANCED_LESSONS = 6;
export const ADVANCED_ITEMS_SEEN = 40;

/**
 * The proficiency a learner's own progress suggests when the host sets none: novices get the basics, and tips
 * written for novices stop once someone has plainly learned the screen.
 */
export function inferProficiency(summary: { lessonsCompleted: number; itemsSeen: number }): Proficiency {
  if (summary.lessonsCompleted >= ADVANCED_LESSONS || summary.itemsSeen >= ADVANCED_ITEMS_SEEN) return 'advanced';
  if (summary.lessonsCompleted >= INTERMEDIATE_LESSONS || summary.itemsSeen >= INTERMEDIATE_ITEMS_SEEN) return 'intermediate';
  return 'novice';
}
