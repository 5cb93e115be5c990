import { expect } from '@open-wc/testing';
import { actionMet, valueCheckPasses, StepConditionError, controlEvents, hintKey } from '../../src/core/tours/step-action.js';
import { checklistStatus } from '../../src/core/checklists/status.js';
import { compareVersions } from '../../src/core/engine/decide.js';
import { reviveProgress } from '../../src/core/progress/progress.js';
import { loadPack, type LoadedItem } from '../../src/core/packs/load-pack.js';
import { StepWalker } from '../../src/core/tours/step-walker.js';

// The pure core of issue 14: interactive steps' actions and checks, checklists' status, version order for
// "What's new", the stored shape of screens, tours and checklists, and the schema's errors for bad steps.

describe('interactive steps (core)', () => {
  it('matches each action to what the clinician did, and nothing else', () => {
    expect(actionMet({ on: 'click' }, { kind: 'click' })).to.equal(true);
    expect(actionMet({ on: 'click' }, { kind: 'value', value: 'x', via: 'change' })).to.equal(false);
    expect(actionMet({ on: 'input' }, { kind: 'value', value: '   ', via: 'input' })).to.equal(false); // blank is not typing
    expect(actionMet({ on: 'input' }, { kind: 'value', value: 'amox', via: 'input' })).to.equal(true);
    expect(actionMet({ on: 'input', matches: '^\\d+ mg$' }, { kind: 'value', value: '500 mg', via: 'input' })).to.equal(true);
    expect(actionMet({ on: 'input', matches: '^\\d+ mg$' }, { kind: 'value', value: '500', via: 'change' })).to.equal(false);
    expect(actionMet({ on: 'select' }, { kind: 'value', value: 'BID', via: 'input' })).to.equal(false); // a choice is a change
    expect(actionMet({ on: 'select' }, { kind: 'value', value: '', via: 'change' })).to.equal(false);
    expect(actionMet({ on: 'select', values: ['BID', 'TID'] }, { kind: 'value', value: 'TID', via: 'change' })).to.equal(true);
    expect(actionMet({ on: 'select', values: ['BID'] }, { kind: 'value', value: 'QD', via: 'change' })).to.equal(false);
    expect(actionMet({ on: 'workflow', workflow: 'order-sign' }, { kind: 'workflow', workflow: 'order-sign' })).to.equal(true);
    expect(actionMet({ on: 'workflow', workflow: 'order-sign' }, { kind: 'workflow', workflow: 'order-select' })).to.equal(false);
    expect(actionMet({ on: 'event', name: 'ehr-signed' }, { kind: 'event', name: 'ehr-signed' })).to.equal(true);
    expect(controlEvents({ on: 'input' })).to.deep.equal(['input', 'change']);
    expect(controlEvents({ on: 'workflow', workflow: 'x' })).to.deep.equal([]);
    expect(hintKey({ on: 'select' })).to.equal('hintSelect');
  });

  it('checks a value, and names a pattern that does not compile', () => {
    expect(valueCheckPasses({ value: '\\S', fix: 'x' }, 'BID')).to.equal(true);
    expect(valueCheckPasses({ value: '\\S', fix: 'x' }, '')).to.equal(false);
    expect(valueCheckPasses({ value: '\\S', fix: 'x' }, undefined)).to.equal(false);
    expect(valueCheckPasses({ condition: 'true', fix: 'x' }, undefined)).to.equal(true); // the condition is the engine's
    expect(() => actionMet({ on: 'input', matches: '(' }, { kind: 'value', value: 'x', via: 'input' })).to.throw(StepConditionError, /the pattern "\(" does not compile/);
  });

  it('the pack schema rejects bad actions and checks with their paths', () => {
    const tour = (step: object) => ({ kind: 'tour', id: 't', version: '1.0.0', title: 'T', reviewBy: '2030-01-01', body: 'b', steps: [{ selector: '#a', title: 'A', body: 'a', ...step }] });
    const pack = (step: object) => ({ format: 'ehr-guide-pack/1', id: 'p', version: '1.0.0', title: 'P', locale: 'en', items: [tour(step)] });
    const errors = (step: object) => loadPack(pack(step)).errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors({ action: { on: 'hover' } })).to.deep.equal(['$.items[0].steps[0].action.on: on must be "click", "input", "select", "workflow" or "event"']);
    expect(errors({ action: { on: 'input', matches: '([' } })).to.deep.equal(['$.items[0].steps[0].action.matches: must be a valid regular expression (JavaScript syntax, Unicode mode)']);
    expect(errors({ action: { on: 'click', hintAfterSeconds: 0 } })).to.deep.equal(['$.items[0].steps[0].action.hintAfterSeconds: must be at least 1 second']);
    expect(errors({ check: { fix: 'x' } })).to.deep.equal(['$.items[0].steps[0].check: a check needs a value pattern, a condition, or both']);
    expect(errors({ action: { on: 'event', name: 'Order Signed' } })[0]).to.match(/^\$\.items\[0\]\.steps\[0\]\.action\.name: must be an event name in lower case/);
    expect(errors({ screen: 'order select' })[0]).to.match(/^\$\.items\[0\]\.steps\[0\]\.screen: must be a CDS Hooks hook name or a screen id/);
    expect(errors({ action: { on: 'select', values: ['BID'] }, check: { value: '^BID$', fix: 'x' }, screen: 'order-select', screenName: 'Orders', spotlight: true })).to.deep.equal([]);
  });
});

describe('checklists (core)', () => {
  const pack = {
    format: 'ehr-guide-pack/1', id: 'p', version: '1.0.0', title: 'P', locale: 'en',
    items: [
      { kind: 'tour', id: 'tour.a', version: '1.0.0', title: 'Tour A', reviewBy: '2030-01-01', body: 'b', steps: [{ selector: '#a', title: 'A', body: 'a' }] },
      { kind: 'lesson', id: 'lesson.b', version: '1.0.0', title: 'Lesson B', reviewBy: '2030-01-01', body: 'b', passMark: 1, questions: [{ id: 'q', prompt: 'Q', type: 'single', options: [{ id: 'y', text: 'Y', correct: true }, { id: 'n', text: 'N' }] }] },
      { kind: 'checklist', id: 'list', version: '1.0.0', title: 'List', reviewBy: '2030-01-01', body: 'b', entries: [{ id: 'a', item: 'tour.a' }, { id: 'b', item: 'lesson.b', title: 'The lesson' }, { id: 'c', title: 'Task C' }, { id: 'd', item: 'nowhere' }] },
    ],
  };
  const loaded = loadPack(pack).pack!;
  const byId = new Map(loaded.items.map((i) => [i.id, i]));
  const list = byId.get('list') as LoadedItem;

  it('says where the learner stands: tours completed, lessons passed or failed, tasks ticked, missing items', () => {
    const status = checklistStatus(list, {
      item: (id) => byId.get(id),
      progress: (id) => ({ 'tour.a': { version: '1.0.0', seen: 1, days: {}, sessionSeen: 0, completed: 5 }, 'lesson.b': { version: '1.0.0', seen: 1, days: {}, sessionSeen: 0, completed: 6, passed: false } })[id],
      tasksDone: { c: 7 },
    });
    expect(status.entries.map((e) => [e.id, e.kind, e.title, e.done, e.failed ?? false])).to.deep.equal([
      ['a', 'tour', 'Tour A', true, false],
      ['b', 'lesson', 'The lesson', false, true],
      ['c', 'task', 'Task C', true, false],
      ['d', 'missing', 'nowhere', false, false],
    ]);
    expect([status.done, status.count, status.complete]).to.deep.equal([2, 4, false]);
    expect(() => checklistStatus(byId.get('tour.a')!, { item: () => undefined, progress: () => undefined, tasksDone: {} })).to.throw(TypeError, /not a checklist/);
  });

  it('the schema wants unique entry ids, a title for tasks, and doneWhen only on tasks', () => {
    const bad = { ...pack, items: [{ ...pack.items[2], entries: [{ id: 'x', item: 'tour.a' }, { id: 'x' }, { id: 'y', item: 'tour.a', doneWhen: { workflow: 'w' } }, { id: 'z', title: 'Z', doneWhen: {} }] }] };
    expect(loadPack(bad).errors.map((e) => `${e.path}: ${e.message}`)).to.deep.equal([
      '$.items[0].entries[1]: a task (an entry without item) needs a title',
      '$.items[0].entries[2]: an entry for a tour or lesson is done when it is completed; doneWhen is for tasks',
      '$.items[0].entries[3].doneWhen: needs a workflow or an event',
      '$.items[0].entries: entry ids must be unique',
    ]);
  });
});

describe('versions, the walker and stored progress', () => {
  it('orders EHR versions numerically', () => {
    expect(compareVersions('2026.10', '2026.2')).to.equal(1);
    expect(compareVersions('2026.2', '2026.2.0')).to.equal(0);
    expect(compareVersions('12', '12.0.1')).to.equal(-1);
  });

  it('restores a saved position, dropping skipped steps outside the tour', () => {
    const walker = new StepWalker(4);
    walker.restore(2, [0, 9, -1, 2]);
    expect(walker.index).to.equal(2);
    expect([...walker.skipped]).to.deep.equal([0]);
    walker.restore(99, []);
    expect(walker.index).to.equal(3);
  });

  it('revives screens, tours and checklists defensively (anything malformed dropped)', () => {
    const raw = JSON.stringify({
      format: 'ehr-guide-progress/1', learnerId: 'l', items: {}, session: { id: 's', unsolicited: 0 },
      screens: { 'order-select': { first: 1, session: 's' }, 'bad screen': { first: 1, session: 's' }, x: { first: 'no', session: 's' } },
      tours: { 'tour.a@1': { version: '1.0.0', index: 2, skipped: [0, 'x', -1], startedAt: 1, savedAt: 2 }, 'bad key': { version: '1.0.0', index: 0, skipped: [], startedAt: 1, savedAt: 2 }, 'tour.b@1': { version: '1.0.0', index: -1, startedAt: 1, savedAt: 2 } },
      checklists: { 'list@1': { a: 5, 'B!': 6, c: 'x' }, 'list@x': { a: 1 } },
    });
    const state = reviveProgress(raw, 'l', 's');
    expect(state.screens).to.deep.equal({ 'order-select': { first: 1, session: 's' } });
    expect(state.tours).to.deep.equal({ 'tour.a@1': { version: '1.0.0', index: 2, skipped: [0], startedAt: 1, savedAt: 2 } });
    expect(state.checklists).to.deep.equal({ 'list@1': { a: 5 } });
    expect(reviveProgress(JSON.stringify({ format: 'ehr-guide-progress/1', items: {}, screens: [1], tours: 'x', checklists: null }), 'l', 's')).to.deep.include({ screens: {}, tours: {}, checklists: {} });
  });
});
