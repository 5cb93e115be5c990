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
      // The core stays DOM-free: it runs in workers and in Node (the CLI).
      'no-restricted-globals': ['error', 'document', 'window', 'HTMLElement', 'customElements', 'navigator'],
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '@floating-ui/*', 'fhirclient', '../components/*', '../controllers/*'] }],
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
