import * as v from 'valibot';

/** The JSON path of a valibot issue below `base`: `$.items[2].when.selector`, `card.hti1["odd-key"]`. */
export function jsonPath(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base;
  for (const segment of issue.path ?? []) {
    const key = (segment as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(key)}]`;
  }
  return path;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates one object handed to an element; the message names the first problem and where it is. */
export function validateWith<T>(schema: v.GenericSchema<unknown, T>, value: unknown, label: string, root: string): Validated<T> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.output };
  const issue = parsed.issues[0];
  return { ok: false, message: `the ${label} is invalid at ${jsonPath(root, issue)}: ${issue.message}` };
}
