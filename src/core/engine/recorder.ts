import type { HttpTransport, IdSource, KeyValueStorage, LockRunner } from '../adapters.js';
import { LearningRecords, type LrsConfig } from '../records/learning-records.js';
import { aiExplainedStatement, aiFeedbackStatement, checklistEntryStatement, checklistStatement, itemStatement, lessonStatement, tourStatement, withRole, type AiFeedback, type ItemEvent, type XapiStatement } from '../records/statements.js';
import type { EngineProblem } from './problems.js';

export interface RecorderOptions {
  learnerId: string;
  /** The xAPI account home page for learners (the health system's URL). */
  learnerHomePage?: string;
  lrs?: LrsConfig;
  storage?: KeyValueStorage | null;
  transport?: HttpTransport;
  lock?: LockRunner;
  baseUrl?: string;
  newId?: IdSource;
  /** The learner's role now (physician, nurse…), stamped on each statement for reports by role. */
  role?: () => string | undefined;
}

/** What finished, for its learning record: the item (by id and version, titled) and its result. */
export interface FinishedItem {
  itemId: string;
  version: string;
  title: string;
}

/**
 * Learning records as xAPI statements, for the health system's LRS: lessons passed or failed, tours completed,
 * clinicians' feedback on AI outputs. The learner is named only by a pseudonymous id; a statement that cannot be
 * made is reported, never thrown at the page.
 */
export class Recorder {
  /** Statements on their way to the LRS; `records.config` sets or changes the LRS. */
  readonly records: LearningRecords;
  learnerHomePage?: string;

  constructor(
    private readonly options: RecorderOptions,
    private readonly onProblem: (problem: EngineProblem) => void,
  ) {
    this.learnerHomePage = options.learnerHomePage;
    this.records = new LearningRecords({
      config: options.lrs,
      storage: options.storage,
      transport: options.transport,
      lock: options.lock,
      baseUrl: options.baseUrl,
      newId: options.newId,
      onProblem: (message) => onProblem({ code: 'records', message }),
    });
  }

  /** The learner as learning records name them: the pseudonymous id under the health system's home page. */
  get learner(): { homePage: string; name: string } {
    const fallback = this.options.baseUrl ? new URL(this.options.baseUrl).origin : 'https://ehr-guide.dev';
    return { homePage: this.learnerHomePage ?? fallback, name: this.options.learnerId };
  }

  lesson(item: FinishedItem, result: { score: number; passed: boolean; durationMs: number }, language?: string): void {
    this.#record('lesson', () => lessonStatement({ ...item, ...result }, this.learner, { language }));
  }

  tour(item: FinishedItem, durationMs: number, language?: string): void {
    this.#record('tour', () => tourStatement({ ...item, durationMs }, this.learner, { language }));
  }

  /** A checklist entry done (`progressed`), and the whole list when it is (`completed`). */
  checklistEntry(item: FinishedItem, entryId: string, progress: number, language?: string): void {
    this.#record('checklist entry', () => checklistEntryStatement({ ...item, entryId, progress }, this.learner, { language }));
  }

  checklist(item: FinishedItem, count: number, language?: string): void {
    this.#record('checklist', () => checklistStatement({ ...item, count }, this.learner, { language }));
  }

  /** A pushed item shown or dismissed (Got it, Don't show again, Remind me later). */
  item(event: ItemEvent, item: FinishedItem & { kind: string }, language?: string): void {
    this.#record(`${item.kind} ${event}`, () => itemStatement(event, item, this.learner, { language }));
  }

  /** An AI output's explanation opened. */
  aiExplained(model: { modelId: string; modelName?: string; source: AiFeedback['source'] }, language?: string): void {
    this.#record('explanation', () => aiExplainedStatement(model, this.learner, { language }));
  }

  /** Feedback on an AI output; throws on invalid feedback (the caller's error, reported to it). */
  aiFeedback(feedback: AiFeedback, language?: string): XapiStatement {
    return this.records.record(withRole(aiFeedbackStatement(feedback, this.learner, { language }), this.options.role?.()));
  }

  #record(what: string, make: () => XapiStatement): void {
    try {
      this.records.record(withRole(make(), this.options.role?.()));
    } catch (error) {
      this.onProblem({ code: 'records', message: `the ${what}'s learning record was not made: ${(error as Error).message}` });
    }
  }
}
