import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GuideController } from '../../controllers/guide-controller.js';
import { ItemController, itemOfKind } from '../../controllers/item-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { wordsOf } from '../../controllers/words.js';
import { checklistStatus, type ChecklistStatus, type EntryStatus } from '../../core/checklists/status.js';
import type { LoadedItem } from '../../core/packs/load-pack.js';
import messages from '../../i18n/compiled/en/checklist.js';
import { GuideElement } from '../shared/guide-element.js';
import { heading } from '../shared/heading.js';
import { ensureElement } from '../shared/lazy-elements.js';
import { panelStyles } from '../shared/panel.styles.js';
import { checklistStyles } from './checklist.styles.js';
import { Cmi5Controller } from '../../controllers/cmi5-controller.js';

let nextId = 0;
/** Decisions that say the checklist is for someone else (its audience), so it does not show. */
const OTHER_AUDIENCE = new Set(['role', 'proficiency', 'locale']);

/**
 * An onboarding checklist for a role (a pack's `checklist` item): its tours, lessons and tasks with the learner's
 * progress, resumable across sessions (progress storage), each launchable in place — a tour starts on the page, a
 * lesson opens inline, a task is ticked or reported done by the host (its workflow point or event). Each entry
 * done and the whole list completed are kept in progress and sent as xAPI statements (`progressed`,
 * `completed`) through the enclosing `<ehr-guide>`; the help panel lists checklists too. It shows only to its
 * audience (a resident's list is not a nurse's) and needs `<ehr-guide>`.
 *
 * @summary An onboarding checklist of tours, lessons and tasks, with progress, resumable, recorded as xAPI.
 * @tag ehr-checklist
 *
 * @fires {CustomEvent<EhrChecklistChangeDetail>} ehr-checklist-change - An entry was done, or the whole list is.
 * @fires {CustomEvent<EhrGuideOpenItemDetail>} ehr-guide-open-item - Cancelable: the clinician opened a tour or lesson from the list; `preventDefault()` to open it your own way.
 * @fires {CustomEvent<EhrProblemDetail>} ehr-problem - The checklist is not found, an entry names an item no pack has, or it is outside `<ehr-guide>`.
 *
 * @csspart base - The checklist's box.
 * @csspart progress - The progress bar.
 * @csspart progress-text - "2 of 5 done".
 * @csspart entry - Each entry.
 * @csspart entry-button - An entry's Start / Open / Mark as done button.
 * @csspart complete - The line shown once every entry is done.
 *
 * @cssprop --ehr-color-surface - Background.
 * @cssprop --ehr-color-text - Text colour.
 * @cssprop --ehr-color-border - Borders.
 * @cssprop --ehr-color-accent - Buttons and the progress bar.
 * @cssprop --ehr-color-success - Done marks.
 * @cssprop --ehr-color-text-muted - Secondary text.
 * @cssprop --ehr-focus-ring - Focus outline (default `2px solid` accent).
 * @cssprop --ehr-font-family - Font family.
 * @cssprop --ehr-font-size - Base font size (default 0.875rem).
 * @cssprop --ehr-radius - Corner radius (default 6px).
 */
export class EhrChecklist extends GuideElement {
  static override styles = [panelStyles, checklistStyles];

  /** The checklist's item id in the packs of the enclosing `<ehr-guide>`. */
  @property() item?: string;
  /** The level of the checklist's title (2–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private list?: LoadedItem;
  @state() private status?: ChecklistStatus;
  @state() private openEntry?: string;

  readonly #guide = new GuideController(this);
  protected override i18n = new LocaleController<keyof typeof messages>(this, 'checklist', messages, this.#guide);
  readonly #item = new ItemController<LoadedItem>(this, this.#guide, {
    lookup: itemOfKind('checklist'),
    onChange: (item) => {
      this.list = item;
      this.#refresh();
    },
    onMissing: (code, message) => this.problem(code, `<ehr-checklist item>: ${message}`, { itemId: this.item }),
  });
  readonly #id = `ehr-checklist-${++nextId}`;
  /** On a cmi5 launch, the checklist is the assignable unit: completed (and passed) once every entry is done. */
  readonly #cmi5 = new Cmi5Controller(this, (message) => this.problem('cmi5', message, { itemId: this.item }));
  #listeners: Array<[string, EventListener]> = [];
  #reportedMissing = new Set<string>();

  constructor() {
    super();
    // Progress changes with every evaluation's cause (a tour completed, a lesson passed, a workflow point reached).
    this.#guide.onResult(() => this.#refresh());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Without <ehr-guide> there is no progress to keep: say so once the context had its chance to arrive.
    setTimeout(() => this.isConnected && !this.#guide.guide && this.item && this.problem('item-not-found', '<ehr-checklist> needs an enclosing <ehr-guide> (it keeps progress there)', { itemId: this.item }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('item')) this.#item.id = this.item;
  }

  #refresh(): void {
    const guide = this.#guide.guide;
    const list = this.list;
    if (!guide || !list || list.kind !== 'checklist') {
      this.status = undefined;
      return this.#unlisten();
    }
    // A checklist is for its audience: another role (or level, or language) does not see it.
    const decision = guide.decision(list.id);
    if (!decision || (decision.reason && OTHER_AUDIENCE.has(decision.reason))) {
      this.status = undefined;
      return this.#unlisten();
    }
    const before = this.status;
    const status = checklistStatus(list, { item: (id) => guide.item(id), progress: (id) => guide.itemProgress(id), tasksDone: guide.checklistDone(list.id), tourRunning: (id) => guide.tourPosition(id) !== undefined });
    this.status = status;
    for (const entry of status.entries) {
      if (entry.kind === 'missing' && !this.#reportedMissing.has(entry.id)) {
        this.#reportedMissing.add(entry.id);
        this.problem('item-not-found', `checklist "${list.id}", entry "${entry.id}": no tour or lesson "${entry.itemId}" in the loaded packs`, { itemId: list.id, path: `entries[${list.entries.findIndex((e) => e.id === entry.id)}].item` });
      }
    }
    if (before && before.done !== status.done) {
      const newly = status.entries.find((e) => e.done && !before.entries.find((b) => b.id === e.id)?.done);
      this.emit('ehr-checklist-change', { checklistId: list.id, done: status.done, count: status.count, complete: status.complete, ...(newly ? { entryId: newly.id } : {}) });
    }
    this.#listen(list);
    if (status.complete) void this.#cmi5.finish({ passed: true });
  }

  /** Tasks done when the host dispatches their event: heard on window (capture) while the list shows. */
  #listen(list: LoadedItem): void {
    if (list.kind !== 'checklist') return;
    const wanted = list.entries.filter((e) => e.item === undefined && e.doneWhen?.event && this.status?.entries.find((s) => s.id === e.id)?.done === false);
    const key = wanted.map((e) => `${e.id}:${e.doneWhen!.event}`).join(' ');
    if (key === this.#listening) return;
    this.#unlisten();
    this.#listening = key;
    for (const entry of wanted) {
      const listener = () => void this.#mark(entry.id);
      window.addEventListener(entry.doneWhen!.event!, listener, { capture: true });
      this.#listeners.push([entry.doneWhen!.event!, listener]);
    }
  }

  #listening = '';

  #unlisten(): void {
    for (const [type, listener] of this.#listeners) window.removeEventListener(type, listener, { capture: true });
    this.#listeners = [];
    this.#listening = '';
  }

  async #mark(entryId: string): Promise<void> {
    const guide = this.#guide.guide;
    if (!guide || !this.list) return;
    await guide.markChecklistEntry(this.list.id, entryId);
    this.#refresh();
  }

  async #launch(entry: EntryStatus): Promise<void> {
    if (entry.kind === 'task') return this.#mark(entry.id);
    if (entry.kind === 'missing' || !entry.itemId) return;
    if (!this.emit('ehr-guide-open-item', { itemId: entry.itemId }, { cancelable: true })) return;
    this.openEntry = this.openEntry === entry.id && entry.kind === 'lesson' ? undefined : entry.id;
    await ensureElement(entry.kind === 'tour' ? 'ehr-tour' : 'ehr-lesson');
    await this.updateComplete;
    if (entry.kind === 'tour') {
      const tour = this.renderRoot.querySelector<HTMLElementTagNameMap['ehr-tour']>(`ehr-tour[item="${CSS.escape(entry.itemId)}"]`);
      if (tour && !tour.open) void tour.start();
    }
  }

  #renderEntry(entry: EntryStatus, index: number) {
    const t = (key: keyof typeof messages) => this.i18n.t(key);
    const kind = entry.kind === 'missing' ? 'kindTask' : (`kind${entry.kind[0].toUpperCase()}${entry.kind.slice(1)}` as 'kindTour' | 'kindLesson' | 'kindTask');
    const state = entry.done ? (entry.kind === 'lesson' ? t('passed') : t('done')) : entry.failed ? t('notPassed') : entry.kind === 'missing' ? t('missing') : '';
    const button = entry.done || entry.kind === 'missing' ? nothing : html`<button part="entry-button" aria-describedby="${this.#id}-e${index}" @click=${() => void this.#launch(entry)}>${entry.kind === 'task' ? t('markDone') : entry.kind === 'tour' ? t(entry.inProgress ? 'resume' : 'start') : t('open')}</button>`;
    return html`<li part="entry" class=${entry.done ? 'done' : ''} data-entry=${entry.id}>
      <span class="mark" aria-hidden="true">${entry.done ? '✓' : '○'}</span>
      <span id="${this.#id}-e${index}"><span class="kind">${t(kind)}</span> <span class="title">${entry.title}</span>${state ? html` <span class="muted">· ${state}</span>` : nothing}</span>
      ${button}
      ${entry.description ? html`<p class="description">${entry.description}</p>` : nothing}
      ${entry.itemId && entry.kind === 'tour' ? html`<ehr-tour class="inline" item=${entry.itemId} no-offer></ehr-tour>` : nothing}
      ${entry.itemId && entry.kind === 'lesson' && this.openEntry === entry.id ? html`<div class="inline"><ehr-lesson item=${entry.itemId} heading-level=${Math.min(6, this.headingLevel + 1)}></ehr-lesson></div>` : nothing}
    </li>`;
  }

  override render() {
    const list = this.list;
    const status = this.status;
    if (!list || !status) return html`<div part="base" class="base" hidden></div>`;
    const words = wordsOf(this.i18n);
    const progressText = this.i18n.t('progress', { done: words.number(status.done), count: words.number(status.count) });
    return html`<section part="base" class="base" aria-labelledby="${this.#id}-title">
      <div class="header">${heading(this.headingLevel, list.title, { id: `${this.#id}-title` })}</div>
      <progress part="progress" max=${status.count} .value=${status.done} aria-label=${this.i18n.t('progressLabel', { title: list.title })} aria-valuetext=${progressText}></progress>
      <span part="progress-text" class="muted">${progressText}</span>
      <ol>
        ${status.entries.map((entry, i) => this.#renderEntry(entry, i))}
      </ol>
      ${status.complete ? html`<p part="complete" class="complete" role="status">${this.i18n.t('complete')}</p>` : nothing}
    </section>`;
  }
}
