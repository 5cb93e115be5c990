import type { CompiledMarkdown } from '../../core/markdown/nodes.js';

type MarkdownView = typeof import('./markdown-view.js');
let loading: Promise<MarkdownView> | undefined;

/**
 * Loaded with an element's first markdown or compiled body, never before: the checker, the Lit renderer and its
 * styles (adopted into `root` ahead of the element's own, so the element's rules win) and, for markdown, the
 * compiler with marked's lexer.
 */
export async function loadBody(body: unknown, path: string, root: ShadowRoot | null): Promise<{ view: MarkdownView; compiled: CompiledMarkdown; problems: string }> {
  const view = await (loading ??= import('./markdown-view.js'));
  const sheet = view.markdownStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  if (typeof body === 'string') {
    const { compileMarkdown } = await import('../../core/markdown/compile.js');
    return { view, compiled: compileMarkdown(body), problems: '' };
  }
  const problems = view.checkCompiledMarkdown(body, path);
  return { view, compiled: body as CompiledMarkdown, problems: problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
}
