import * as v from 'valibot';
import { checkCompiledMarkdown } from '../markdown/check.js';

/** A body: markdown text, or markdown compiled by `ehr-guide compile`. */
export const BodySchema = v.union(
  [
    v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(20000, 'must be at most 20000 characters')),
    v.pipe(
      v.looseObject({ format: v.literal('ehr-md/1'), blocks: v.array(v.unknown()) }),
      v.check((doc) => checkCompiledMarkdown(doc).length === 0, (issue) => `compiled markdown is invalid: ${checkCompiledMarkdown(issue.input).map((p) => `${p.path} ${p.message}`).join('; ')}`),
    ),
  ],
  'must be markdown text or compiled markdown ({ "format": "ehr-md/1", "blocks": [...] })',
);
