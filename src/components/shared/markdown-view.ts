/**
 * What showing compiled markdown takes — the checker, the Lit renderer and its styles, the host's image origins —
 * in one module, so an element can load it only when it has a markdown body (a tip with slotted text never does).
 */
export { renderMarkdown } from './render-markdown.js';
export { checkCompiledMarkdown } from '../../core/markdown/check.js';
export { markdownStyles } from './markdown.styles.js';
export { imagePolicyFor } from './image-origins.js';
