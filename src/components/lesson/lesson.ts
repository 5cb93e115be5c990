import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import messages from '../../i18n/compiled/en/lesson.js';
import { ItemController, itemOfKind } from '../../controllers/item-controller.js';
import { MarkdownBodyController } from '../shared/markdown-body-controller.js';
import { gradeLesson, type LessonGrade } from '../../core/lessons/grade.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import type { Lesson } from '../../core/packs/schema.js';
import { localizeGiven } from '../../core/packs/translations.js';
import { GuideElement } from '../shared/guide-element.js';
import { heading } from '../shared/heading.js';
import { panelStyles } from '../shared/panel.styles.js';
import { lessonStyles } from './lesson.styles.js';
import { Cmi5Controller } from '../../controllers/cmi5-controller.js';

let nextId = 0;

/**
 * A two-minute lesson with a knowledge check: the lesson's text, then its questions (single or multiple choice),
 * graded on "Check answers" with each question's feedback and the right answers shown. The result is kept in the
 * learner's progress and sent as an xAPI statement (passed or failed, scaled score, time taken) through the
 * enclosing `<ehr-guide>` — and, launched from an LMS with cmi5 launch parameters, as a cmi5 assignable unit to the
 * LMS's LRS (initialized, passed/failed, completed, terminated; `moveOn` and the mastery score honoured). Opened on purpose by the clinician, so it is never pushed by the fatigue guard.
 *
 * @summary A two-minute lesson with a knowledge check, graded in place and recorded as xAPI.
 * @tag ehr-lesson
 *
 * @fires {CustomEvent<EhrLessonCompleteDetail>} ehr-lesson-complete - The learner checked their answers.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The lesson is invalid, not found, or its text cannot be shown.
 *
 * @csspart base - The lesson's box.
 * @csspart body - The lesson's text.
 * @csspart question - Each question's fieldset.
 * @csspart result - The result line after checking.
 * @csspart check-button - "Check answers".
 * @csspart retry-button - "Try again".
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Borders.
 * @cssprop --ehr-color-accent - Buttons and links.
 * @cssprop --ehr-color-success - Correct answers.
 * @cssprop --ehr-color-critical - Incorrect answers.
 * @cssprop --ehr-code-background - Background of inline code in bodies.
 * @cssprop --ehr-color-info - Informational status.
 * @cssprop --ehr-color-on-accent - Text on the accent colour.
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-color-warning - Warning status.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-mono - Monospace font of code in bodies.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-link-color - Links in bodies (default: the accent colour).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 * @cssprop --ehr-shadow - Shadow of floating panels.
 * @cssprop --ehr-motion - `reduce` stops animations and transitions, as `prefers-reduced-motion: reduce` does (an EHR's own setting).
 */
export class EhrLesson extends GuideElement {
  static override styles = [panelStyles, lessonStyles];

  /** The lesson's item id in the packs of the enclosing `<ehr-guide>`. */
  @property() item?: string;
  /** The lesson itself (a pack's lesson item), for use without `<ehr-guide>`. */
  @property({ attribute: false }) lesson?: unknown;
  /** The level of the lesson's title (2–6); questions use the next level. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'lesson', messages, this.#guide);
  readonly #item = new ItemController<LoadedItem>(this, this.#guide, {
    lookup: itemOfKind('lesson'),
    onChange: () => this.lesson === undefined && this.#settle(),
    onMissing: (code, message) => this.lesson === undefined && this.#fail(code, `${message[0].toUpperCase()}${message.slice(1)}.`),
  });
  /** On a cmi5 launch from an LMS, the lesson is its assignable unit (initialized, passed/failed, completed, terminated). */
  readonly #cmi5 = new Cmi5Controller(this, (message) => this.problem('cmi5', message, { itemId: this.item }));
  readonly #body = new MarkdownBodyController(this, (code, message) => this.problem(code, message, { path: 'lesson.body', itemId: this.item }));

  @state() private resolved?: Lesson;
  @state() private error?: string;
  @state() private answers: Record<string, string[]> = {};
  @state() private grade?: LessonGrade;
  @state() private incomplete = false;
  #started = 0;
  readonly #id = `ehr-lesson-${++nextId}`;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('item')) this.#item.id = this.item;
    if (changed.has('lesson') || (changed.has('item') && this.lesson === undefined)) this.#settle();
  }

  /** `updateComplete` also waits for the lesson's text to be compiled and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    await this.#body.ready;
    if (this.isUpdatePending) result = await super.getUpdateComplete();
    return result;
  }

  #settle(): void {
    this.error = undefined;
    this.grade = undefined;
    this.answers = {};
    this.resolved = undefined;
    if (this.lesson === undefined) {
      // A pack item was validated when its pack loaded.
      const item = this.#item.value;
      if (item?.kind === 'lesson') this.#begin(item);
      else void this.#body.set(undefined);
      return;
    }
    // Validation (valibot and the pack schema) loads only for a lesson given as an object.
    const given = this.lesson;
    void import('../../core/packs/validate-item.js').then(({ validateLesson }) => {
      if (this.lesson !== given) return;
      const result = validateLesson(given);
      if (result.ok) this.#begin(localizeGiven(result.value, this.i18n.requested));
      else this.#fail('item-invalid', result.message.replace(/^the lesson/, 'The lesson'));
    });
  }

  #begin(lesson: Lesson): void {
    this.resolved = lesson;
    this.#started = performance.now();
    void this.#body.set(lesson.body, 'lesson.body');
  }

  #fail(code: 'item-not-found' | 'item-wrong-kind' | 'item-invalid', message: string): void {
    this.error = message;
    this.problem(code, message, this.item ? { itemId: this.item } : {});
  }

  #choose(questionId: string, optionId: string, type: 'single' | 'multiple', checked: boolean): void {
    const current = this.answers[questionId] ?? [];
    const next = type === 'single' ? [optionId] : checked ? [...current, optionId] : current.filter((id) => id !== optionId);
    this.answers = { ...this.answers, [questionId]: next };
    this.incomplete = false;
  }

  async #check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const lesson = this.resolved;
    if (!lesson) return;
    const grade = gradeLesson(lesson, this.answers);
    if (grade.unanswered.length) {
      this.incomplete = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`fieldset[data-question="${CSS.escape(grade.unanswered[0])}"] input`)?.focus();
      return;
    }
    this.grade = grade;
    const durationMs = performance.now() - this.#started;
    const itemId = this.item ?? lesson.id;
    this.emit('ehr-lesson-complete', { itemId, version: lesson.version, score: grade.score, passed: grade.passed });
    const guide = this.#guide.guide;
    if (guide?.item(itemId)) void guide.recordLesson(itemId, { score: grade.score, passed: grade.passed, durationMs });
    void this.#cmi5.finish({ score: grade.score, passed: grade.passed });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
  }

  #retry(): void {
    this.grade = undefined;
    this.answers = {};
    this.#started = performance.now();
  }

  override render() {
    // The lead sentence in the clinician's language; the detail (English, for whoever fixes the content) after it.
    if (this.error) return html`<p class="base" role="note">${this.i18n.t('unavailable')} <span lang="en">${this.error}</span></p>`;
    const lesson = this.resolved;
    if (!lesson) return nothing;
    const grade = this.grade;
    const right = grade ? grade.questions.filter((q) => q.correct).length : 0;
    const t = this.i18n.t.bind(this.i18n);
    return html`<section part="base" class="base" aria-labelledby="${this.#id}-title">
      ${heading(this.headingLevel, lesson.title, { id: `${this.#id}-title` })}
      ${lesson.durationMinutes ? html`<p class="muted">${t('duration', { minutes: lesson.durationMinutes })}</p>` : nothing}
      <div part="body" class="body md">${this.#body.render({ table: t('table'), image: t('image') })}</div>
      <form @submit=${this.#check}>
        ${lesson.questions.map((q, index) => {
          const graded = grade?.questions[index];
          return html`<fieldset part="question" data-question=${q.id} class=${graded ? (graded.correct ? 'right' : 'wrong') : ''} aria-describedby=${graded ? `${this.#id}-${q.id}-feedback` : nothing}>
            <legend>${index + 1}. ${q.prompt}</legend>
            ${q.options.map((o) => {
              const inputId = `${this.#id}-${q.id}-${o.id}`;
              const checked = (this.answers[q.id] ?? []).includes(o.id);
              const mark = graded && graded.expected.includes(o.id) ? html` <span class="answer">${t('correctAnswer')}</span>` : nothing;
              return html`<div class="option">
                <input id=${inputId} type=${q.type === 'single' ? 'radio' : 'checkbox'} name=${`${this.#id}-${q.id}`} .checked=${checked} ?disabled=${!!grade} @change=${(e: Event) => this.#choose(q.id, o.id, q.type, (e.target as HTMLInputElement).checked)} />
                <label for=${inputId}>${o.text}</label>${mark}
              </div>`;
            })}
            ${graded
              ? html`<p id="${this.#id}-${q.id}-feedback" class="feedback"><strong>${t(graded.correct ? 'correct' : 'notQuite')}</strong> ${graded.feedback.join(' ')}</p>`
              : nothing}
          </fieldset>`;
        })}
        ${this.incomplete ? html`<p class="incomplete" role="alert">${t('answerAll')}</p>` : nothing}
        ${grade
          ? html`<p part="result" class="result ${grade.passed ? 'passed' : 'failed'}" tabindex="-1" role="status">
                ${t(grade.passed ? 'passed' : 'notPassed', { right: wordsOf(this.i18n).number(right), total: wordsOf(this.i18n).number(grade.questions.length), needed: wordsOf(this.i18n).number(Math.ceil(lesson.passMark * grade.questions.length)) })}
              </p>
              <button part="retry-button" type="button" @click=${this.#retry}>${t('tryAgain')}</button>`
          : html`<button part="check-button" type="submit" class="primary">${t('check')}</button>`}
      </form>
    </section>`;
  }
}
