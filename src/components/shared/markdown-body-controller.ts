import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CompiledMarkdown } from '../../core/markdown/nodes.js';

type MarkdownView = typeof import('./markdown-view.js');

/** Words the renderer adds of its own: a table region's name, an image link's text when it has no alt text. */
export interface MarkdownLabels {
  table: string;
  image: string;
}

export type BodyProblem = 'content-invalid' | 'content-load-failed';

/**
 * One element's markdown body — authored markdown (compiled on demand with marked's lexer) or an already compiled
 * tree (checked on arrival) — and the renderer that shows it through Lit templates. The checker, renderer and
 * styles load with the first body only; a body that cannot be compiled (too deep, too long, the parser failed to
 * load) is reported and shown as inert plain text, never thrown at the page. Tip, tour, lesson and help panel all
 * use this one loader.
 */
export class MarkdownBodyController implements ReactiveController {
  compiled?: CompiledMarkdown;
  /** The source shown as plain text when it could not be compiled. */
  plain?: string;
  #view?: MarkdownView;
  #token = 0;
  #ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onProblem: (code: BodyProblem, message: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Resolves once the latest body is compiled (or has failed). */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Shows `body` (markdown or compiled; `undefined` clears it); `path` names it in problems (`steps[2].body`). */
  set(body: unknown, path = 'body'): Promise<void> {
    const token = ++this.#token;
    this.compiled = undefined;
    this.plain = undefined;
    if (body === undefined || body === null || body === '') {
      this.#ready = Promise.resolve();
      this.host.requestUpdate();
      return this.#ready;
    }
    this.#ready = this.#load(body, path, token).catch((error: Error) => {
      if (token !== this.#token) return;
      if (typeof body === 'string') this.plain = body; // readable, and still inert
      this.onProblem('content-load-failed', `${path} could not be shown: ${error?.message ?? error}`);
      this.host.requestUpdate();
    });
    return this.#ready;
  }

  async #load(body: unknown, path: string, token: number): Promise<void> {
    const { loadBody } = await import('./markdown-body-loader.js');
    const { view, compiled, problems } = await loadBody(body, path, this.host.shadowRoot);
    if (token !== this.#token) return;
    this.#view = view;
    if (problems) this.onProblem('content-invalid', problems);
    this.compiled = compiled;
    this.host.requestUpdate();
  }

  /** The body as Lit templates (or its plain-text fallback); nothing while it loads. `labels` are in the clinician's language. */
  render(labels?: MarkdownLabels) {
    if (this.plain !== undefined) return this.plain;
    return this.#view && this.compiled ? this.#view.renderMarkdown(this.compiled, { imageAllowed: this.#view.imagePolicyFor(this.host), labels }) : nothing;
  }
}
