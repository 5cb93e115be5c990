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

describe('themes', () => {
  const documented = new Set(elements.length ? manifest.modules.flatMap((m) => m.declarations.flatMap((d) => (d.cssProperties ?? []).map((p) => p.name))) : []);
  const luminance = (hex) => {
    const [r, g, b] = hex.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const tokensOf = (file) => Object.fromEntries([...readFileSync(file, 'utf8').matchAll(/(--ehr-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

  it('set only documented tokens', () => {
    for (const file of readdirSync('src/themes')) {
      for (const token of Object.keys(tokensOf(`src/themes/${file}`))) assert.ok(documented.has(token), `${file}: ${token} is not a documented token`);
    }
  });

  it('high contrast: every text colour at least 7:1 on the surface (WCAG AAA), text on the accent too', () => {
    const t = tokensOf('src/themes/high-contrast.css');
    for (const token of ['--ehr-color-text', '--ehr-color-text-muted', '--ehr-color-accent', '--ehr-color-critical', '--ehr-color-warning', '--ehr-color-success', '--ehr-color-info', '--ehr-link-color']) {
      assert.ok(contrast(t[token], t['--ehr-color-surface']) >= 7, `${token} ${t[token]}: ${contrast(t[token], t['--ehr-color-surface']).toFixed(2)}:1`);
    }
    assert.ok(contrast(t['--ehr-color-on-accent'], t['--ehr-color-accent']) >= 7);
  });

  it('dark: text and status colours at least 4.5:1 on the surface (WCAG AA)', () => {
    const t = tokensOf('src/themes/dark.css');
    for (const token of ['--ehr-color-text', '--ehr-color-text-muted', '--ehr-color-accent', '--ehr-color-critical', '--ehr-color-warning', '--ehr-color-success', '--ehr-color-info', '--ehr-link-color']) {
      assert.ok(contrast(t[token], t['--ehr-color-surface']) >= 4.5, `${token} ${t[token]}: ${contrast(t[token], t['--ehr-color-surface']).toFixed(2)}:1`);
    }
  });
});
