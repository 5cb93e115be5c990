// addon-vitest applies the project annotations (preview.ts, addon-a11y) itself since Storybook 10.3.
import { afterEach, beforeEach } from 'vitest';

// A story that logs a console error fails, like one with an axe violation.
let errors: unknown[][] = [];
const original = console.error;
beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});
afterEach(() => {
  console.error = original;
  if (errors.length) throw new Error(`console.error during story: ${errors.map((a) => a.map(String).join(' ')).join(' | ')}`);
});
