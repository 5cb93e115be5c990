import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'storybook-static/', 'custom-elements.json', 'stubs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Safety: content must never reach the DOM as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render through Lit templates; content never goes through innerHTML.' },
        { property: 'outerHTML', message: 'Render through Lit templates.' },
        { property: 'insertAdjacentHTML', message: 'Render through Lit templates.' },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML defeats safe-by-construction rendering.' }] }],
    },
  },
  {
    // Tests build hostile host pages (shadow roots, raw markup) on purpose.
    files: ['test/**/*.ts', 'demo/**/*.ts'],
    rules: { 'no-restricted-properties': 'off', 'wc/guard-super-call': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core stays pure: no DOM, network, worker or storage of its own — it runs unchanged in a page, a worker
      // and Node (the CLI). Those come through the adapters (core/adapters.ts) that src/platform/ implements.
      'no-restricted-globals': ['error', ...['document', 'window', 'self', 'HTMLElement', 'customElements', 'navigator', 'location', 'fetch', 'XMLHttpRequest', 'Worker', 'SharedWorker', 'localStorage', 'sessionStorage', 'indexedDB', 'crypto', 'IntersectionObserver', 'MutationObserver', 'ResizeObserver', 'requestAnimationFrame'].map((name) => ({ name, message: 'src/core is pure: take it through an adapter (core/adapters.ts), implemented in src/platform/.' }))],
      'no-restricted-syntax': ['error', { selector: 'MemberExpression[property.name=/^(document|window|navigator|location|fetch|Worker|localStorage|sessionStorage|indexedDB|crypto|trustedTypes)$/]', message: 'src/core is pure: no platform globals, not even through globalThis; use an adapter.' }],
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '@lit/*', '@floating-ui/*', 'fhirclient', '**/components/*', '**/controllers/*', '**/platform/*', '**/smart/*', '**/define/*'] }],
    },
  },
  {
    // The layers run one way: define → components → controllers/platform/smart → core. Components never import a
    // define module (registration is the page's choice, made in src/define/ only).
    files: ['src/components/**/*.ts', 'src/controllers/**/*.ts', 'src/platform/**/*.ts', 'src/smart/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/define/*'], message: 'Only src/define/ registers elements; import the class instead.' }], paths: [{ name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML defeats safe-by-construction rendering.' }] }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/\\/define\\//]', message: 'Only src/define/ registers elements: ask for a tag with ensureElement() (components/shared/lazy-elements.ts).' }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.mjs', 'sandbox/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    // End-to-end tests run in Node but pass functions to the page (page.evaluate), which see browser globals.
    files: ['test/e2e/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
