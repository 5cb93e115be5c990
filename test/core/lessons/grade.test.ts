import { expect } from '@open-wc/testing';
import { gradeLesson } from '../../../src/core/lessons/grade.js';
import { isoDuration, lessonStatement } from '../../../src/core/records/statements.js';

const lesson = {
  passMark: 0.5,
  questions: [
    { id: 'q1', prompt: 'One', type: 'single' as const, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B', correct: true, feedback: 'B is right.' }], explanation: 'Because.' },
    { id: 'q2', prompt: 'Two', type: 'multiple' as const, options: [{ id: 'x', text: 'X', correct: true }, { id: 'y', text: 'Y', correct: true }, { id: 'z', text: 'Z', feedback: 'Z is a trap.' }] },
  ],
};

describe('grading a lesson', () => {
  it('grades single and multiple choice exactly, with feedback and the right answers', () => {
    const grade = gradeLesson(lesson, { q1: ['b'], q2: ['x', 'z'] });
    expect(grade.questions.map((q) => q.correct)).to.deep.equal([true, false]);
    expect(grade.questions[0].feedback).to.deep.equal(['B is right.', 'Because.']);
    expect(grade.questions[1].feedback).to.deep.equal(['Z is a trap.']);
    expect(grade.questions[1].expected).to.deep.equal(['x', 'y']);
    expect(grade.score).to.equal(0.5);
    expect(grade.passed).to.equal(true); // 1 of 2 meets a pass mark of 0.5
    expect(gradeLesson(lesson, { q1: ['a'], q2: ['y', 'x'] }).score).to.equal(0.5);
    expect(gradeLesson({ ...lesson, passMark: 1 }, { q1: ['b'], q2: ['x'] }).passed).to.equal(false);
  });

  it('reports unanswered questions, ignores options a question does not have, and never passes an incomplete check', () => {
    const grade = gradeLesson(lesson, { q1: ['b', 'b', 'nope'] });
    expect(grade.questions[0].chosen).to.deep.equal(['b']);
    expect(grade.unanswered).to.deep.equal(['q2']);
    expect(grade.passed).to.equal(false);
  });

  it('makes a passed/failed statement with the scaled score and an ISO 8601 duration', () => {
    expect(isoDuration(92_500)).to.equal('PT1M32.5S');
    expect(isoDuration(4_000)).to.equal('PT4S');
    expect(isoDuration(120_000)).to.equal('PT2M');
    const statement = lessonStatement({ itemId: 'lesson.reading-a-risk-score', version: '1.0.0', title: 'Reading a risk score', score: 0.5, passed: true, durationMs: 92_500 }, { homePage: 'https://hospital.example.org', name: 'lrn-1' });
    expect(statement.verb.id).to.equal('http://adlnet.gov/expapi/verbs/passed');
    expect(statement.object.id).to.equal('https://ehr-guide.dev/xapi/activities/lessons/lesson.reading-a-risk-score');
    expect(statement.result).to.deep.equal({ score: { scaled: 0.5 }, success: true, completion: true, duration: 'PT1M32.5S' });
    expect(() => lessonStatement({ itemId: 'x', version: '1', title: 't', score: 2, passed: true, durationMs: 1 }, { homePage: 'https://h.example', name: 'n' })).to.throw(/score must be from 0 to 1/);
  });
});
