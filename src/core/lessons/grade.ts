import type { Lesson } from '../packs/schema.js';

export interface QuestionGrade {
  questionId: string;
  correct: boolean;
  /** Option ids the learner chose. */
  chosen: string[];
  /** Option ids that were correct (shown after checking, so the learner learns the answer). */
  expected: string[];
  /** The authored feedback of the options chosen, and the question's explanation. */
  feedback: string[];
}

export interface LessonGrade {
  questions: QuestionGrade[];
  /** Share of questions answered correctly, 0–1. */
  score: number;
  passed: boolean;
  /** Questions with no answer; a lesson is graded only when this is empty. */
  unanswered: string[];
}

/**
 * Grades a lesson's knowledge check: a single-choice question is right when its one correct option is chosen; a
 * multiple-choice question when exactly the correct options are chosen. Answers naming options the question does
 * not have are ignored. Pure: the element renders what this returns.
 */
export function gradeLesson(lesson: Pick<Lesson, 'questions' | 'passMark'>, answers: Readonly<Record<string, readonly string[]>>): LessonGrade {
  const questions = lesson.questions.map((q): QuestionGrade => {
    const ids = new Set(q.options.map((o) => o.id));
    const chosen = [...new Set((answers[q.id] ?? []).filter((id) => ids.has(id)))];
    const expected = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = chosen.length === expected.length && expected.every((id) => chosen.includes(id));
    const feedback = q.options.filter((o) => chosen.includes(o.id) && o.feedback).map((o) => o.feedback!);
    if (q.explanation) feedback.push(q.explanation);
    return { questionId: q.id, correct, chosen, expected, feedback };
  });
  const unanswered = questions.filter((q) => q.chosen.length === 0).map((q) => q.questionId);
  const score = questions.length ? questions.filter((q) => q.correct).length / questions.length : 0;
  return { questions, score, passed: unanswered.length === 0 && score >= lesson.passMark, unanswered };
}
