/**
 * The shapes of ids the host and packs name, shared by the pack schema, stored progress and the elements (no
 * valibot here: progress and the tour path stay light).
 */

/** A workflow point: a CDS Hooks hook name or a host screen id. */
export const WORKFLOW_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:._/-]{0,127}$/;
/** An EHR version of up to four numbers (`2026.2`, `12.4.1`). */
export const EHR_VERSION_PATTERN = /^\d+(?:\.\d+){0,3}$/;
/** A DOM event name a pack may wait for. */
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9:._-]{0,99}$/;
