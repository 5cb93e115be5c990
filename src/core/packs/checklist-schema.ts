import * as v from 'valibot';
import { EVENT_NAME, ID, TEXT, WORKFLOW } from './fields.js';

/**
 * A checklist's entries (`kind: "checklist"`, since 0.3): an onboarding list for a role of tours and lessons from
 * the packs, and tasks done in the EHR itself. A tour or lesson entry is done when the learner completed (or
 * passed) it; a task when the host reports its workflow point or event, or the clinician ticks it.
 */

export const ChecklistEntrySchema = v.pipe(
  v.strictObject({
    /** The entry's id (unique in the checklist); its progress is kept under it. */
    id: ID,
    /** A tour or lesson of the packs; omit it for a task done in the EHR. */
    item: v.optional(ID),
    /** The entry's words (default: the item's title); required for a task. */
    title: v.optional(TEXT(200)),
    /** One or two sentences on what to do (tasks). */
    description: v.optional(TEXT(1000)),
    /** A task is done when the host reports this workflow point or dispatches this event (else the clinician ticks it). */
    doneWhen: v.optional(v.pipe(v.strictObject({ workflow: v.optional(WORKFLOW), event: v.optional(EVENT_NAME) }), v.check((d) => d.workflow !== undefined || d.event !== undefined, 'needs a workflow or an event'))),
  }),
  v.check((e) => e.item !== undefined || e.title !== undefined, 'a task (an entry without item) needs a title'),
  v.check((e) => e.item === undefined || e.doneWhen === undefined, 'an entry for a tour or lesson is done when it is completed; doneWhen is for tasks'),
);

export const ChecklistEntriesSchema = v.pipe(
  v.array(ChecklistEntrySchema),
  v.minLength(1, 'a checklist needs at least one entry'),
  v.maxLength(50, 'a checklist has at most 50 entries'),
  v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'entry ids must be unique'),
);

export type ChecklistEntry = v.InferOutput<typeof ChecklistEntrySchema>;
