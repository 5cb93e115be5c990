// Writes schemas/content-pack.schema.json from the valibot schemas in src/core/packs/schema.ts (built to dist/),
// so pack authors get editor completion and validation from the same source of truth the loader uses.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';

const { PackSchema } = await import('../dist/core/packs/schema.js');
const schema = toJsonSchema(PackSchema, { errorMode: 'ignore' });
schema.$id = 'https://unpkg.com/ehr-guide/schemas/content-pack.schema.json';
schema.title = 'ehr-guide content pack (ehr-guide-pack/1)';
schema.description = 'Tips, tours and lessons with audience, workflow points, FHIRPath conditions, frequency caps and review-by dates. Generated from src/core/packs/schema.ts; do not edit by hand.';
const text = `${JSON.stringify(schema, null, 2)}\n`;
mkdirSync('schemas', { recursive: true });
const target = 'schemas/content-pack.schema.json';
if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
mkdirSync('dist/schemas', { recursive: true });
writeFileSync('dist/schemas/content-pack.schema.json', text);
