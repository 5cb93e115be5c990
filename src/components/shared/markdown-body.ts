import type { CompiledMarkdown } from '../../core/markdown/nodes.js';

export type MarkdownView = typeof import('./markdown-view.js');

let loading: Promise<MarkdownView> | undefined;

/**
 * Loads the markdown checker, renderer and styles (once per page, on the first body) and adopts the styles into
 * `root` ahead of the element's own, so the element's rules win. Tips, tours, lessons and the help panel share it.
 */
export async function loadMarkdownView(root: ShadowRoot | null): Promise<MarkdownView> {
  const view = await (loading ??= import('./markdown-view.js'));
  const sheet = view.markdownStyles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  return view;
}

/**
 * A pack body ready to render: markdown is compiled (the compiler and marked load on demand); an already compiled
 * tree is checked, and its problems (with paths below `path`) are returned for the element to report.
 */
export async function compileBody(body: unknown, view: MarkdownView, path: string): Promise<{ compiled: CompiledMarkdown; problems: string }> {
  if (typeof body === 'string') {
    const { compileMarkdown } = await import('../../core/markdown/compile.js');
    return { compiled: compileMarkdown(body), problems: '' };
  }
  const problems = view.checkCompiledMarkdown(body, path);
  return { compiled: body as CompiledMarkdown, problems: problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
}
