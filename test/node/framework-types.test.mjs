// The React wrappers and the Vue types say what custom-elements.json says: every element, every event.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations.map((d) => ({ tag: d.tagName, name: d.name, events: (d.events ?? []).map((e) => e.name) })));
const pascal = (s) => s.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');

describe('framework integrations', () => {
  it('ehr-guide/react wraps every element and every event it fires, and registers the element', () => {
    const files = readdirSync('src/react').filter((f) => f.startsWith('ehr-'));
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), elements.map((e) => e.tag).sort());
    const index = readFileSync('src/react/index.ts', 'utf8');
    for (const { tag, name, events } of elements) {
      const source = readFileSync(`src/react/${tag}.ts`, 'utf8');
      assert.match(source, new RegExp(`import '\\.\\./define/${tag}\\.js';`), tag);
      assert.match(source, new RegExp(`tagName: '${tag}'`), tag);
      for (const event of events) assert.match(source, new RegExp(`on${pascal(event)}: event\\('${event}'\\)`), `${tag} ${event}`);
      assert.equal((source.match(/on[A-Z]\w+: event\(/g) ?? []).length, events.length, `${tag}: no events beyond the manifest's`);
      assert.match(index, new RegExp(`export \\{ ${name} \\} from './${tag}.js';`));
    }
  });

  it('ehr-guide/vue types every element, its events with their detail types imported', () => {
    const types = readFileSync('dist/vue/index.d.ts', 'utf8');
    assert.doesNotMatch(types, /CustomEvent<CustomEvent/);
    for (const { tag, events } of elements) {
      assert.match(types, new RegExp(`"${tag}": DefineComponent<`), tag);
      for (const event of events) assert.match(types, new RegExp(`"on${event}"\\?: \\(e: CustomEvent<Ehr\\w+Detail>\\) => void;`), `${tag} ${event}`);
    }
    const imported = /import type \{ ([^}]+) \} from "\.\.\/events\.js";/.exec(types)?.[1].split(', ') ?? [];
    for (const used of new Set([...types.matchAll(/CustomEvent<(Ehr\w+)>/g)].map((m) => m[1]))) assert.ok(imported.includes(used), used);
  });
});
