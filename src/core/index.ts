/**
 * ehr-guide's DOM-free core: plain TypeScript that runs in browsers, workers and Node (the CLI).
 * Elements render what it decides; nothing here touches the DOM, Lit or fhirclient.
 */
export { safeUrl, ALLOWED_URL_SCHEMES } from './url-policy.js';
export type { CompiledMarkdown, MdBlock, MdInline, MdListItem } from './markdown/nodes.js';
export { isCompiledMarkdown } from './markdown/nodes.js';
export { checkCompiledMarkdown, type ContentProblem } from './markdown/check.js';
export { decodeEntities } from './markdown/entities.js';
export { compileMarkdown, MAX_MARKDOWN_LENGTH } from './markdown/compile.js';
export { createDismissalStore, type DismissalStore, type KeyValueStorage } from './dismissals.js';
