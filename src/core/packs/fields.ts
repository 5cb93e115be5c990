import * as v from 'valibot';
import { EVENT_NAME_PATTERN, WORKFLOW_PATTERN } from '../patterns.js';

/** The field schemas every part of the pack format shares (items, tour steps, checklist entries). */
export const ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'must be 1–128 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit'));
export const TEXT = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
export const WORKFLOW = v.pipe(v.string(), v.regex(WORKFLOW_PATTERN, 'must be a CDS Hooks hook name or a screen id (letters, digits, ":", ".", "_", "/", "-")'));
export const FHIRPATH = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(2000, 'must be at most 2000 characters'));
export const EVENT_NAME = v.pipe(v.string(), v.regex(EVENT_NAME_PATTERN, 'must be an event name in lower case (letters, digits, ":", ".", "_", "-")'));
