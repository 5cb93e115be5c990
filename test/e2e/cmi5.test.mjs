// cmi5 end to end: the sandbox plays the hospital's LMS (launch data in the State resource, a one-time fetch URL,
// the `launched` statement) and its LRS (validating every statement); the demo's lesson page is the assignable
// unit. The statements arrive at the LRS in cmi5's order, with moveOn, the mastery score and the launch mode
// honoured — and without launch parameters the same page sends no cmi5 statement at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();
const LESSON = 'lesson.reading-a-risk-score';
const VERB = (id) => id.split('/').pop();

async function launchFromLms(body) {
  const response = await fetch(new URL('/__sandbox/cmi5/launch', demo.server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ item: LESSON, ...body }) });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function statementsOf(registration) {
  const all = await (await fetch(new URL('/__sandbox/xapi-received', demo.server.url))).json();
  return all.filter((s) => s.context?.registration === registration);
}

async function until(check, what, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Answers the lesson (right or wrong) and checks the answers, in the page's own controls. */
async function answer(page, right) {
  await page.waitForFunction(() => document.querySelector('ehr-lesson')?.shadowRoot?.querySelectorAll('input').length >= 5, null, { timeout: 15000 });
  const inputs = await page.evaluateHandle(() => [...document.querySelector('ehr-lesson').shadowRoot.querySelectorAll('input')]);
  // Question 1 (single): options up, same, down (right). Question 2 (multiple): population, data (right), colour.
  const picks = right ? [2, 3, 4] : [0, 5];
  for (const i of picks) await (await inputs.getProperty(String(i))).asElement().click();
  await page.evaluate(() => document.querySelector('ehr-lesson').shadowRoot.querySelector('[part="check-button"]').click());
}

describe('cmi5: a lesson launched from an LMS', () => {
  it('sends launched → initialized → passed → completed → terminated, in order, with the cmi5 context (CompletedAndPassed)', async () => {
    const launch = await launchFromLms({ moveOn: 'CompletedAndPassed', masteryScore: 0.8 });
    const { page, context, problems } = await openPage(demo.browser, new URL(launch.url, demo.server.url).href);
    try {
      await until(async () => (await statementsOf(launch.registration)).some((s) => VERB(s.verb.id) === 'initialized'), 'initialized');
      await answer(page, true);
      const statements = await until(async () => {
        const list = await statementsOf(launch.registration);
        return list.some((s) => VERB(s.verb.id) === 'terminated') && list;
      }, 'terminated');
      assert.deepEqual(statements.map((s) => VERB(s.verb.id)), ['launched', 'initialized', 'passed', 'completed', 'terminated']);
      for (const s of statements.slice(1)) {
        assert.equal(s.object.id, launch.activityId);
        assert.deepEqual(s.actor, launch.actor);
        assert.ok(s.context.contextActivities.category.some((c) => c.id === 'https://w3id.org/xapi/cmi5/context/categories/cmi5'), `${VERB(s.verb.id)} carries the cmi5 category`);
        assert.ok(s.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'], 'the session id from the launch data');
      }
      const passed = statements.find((s) => VERB(s.verb.id) === 'passed');
      assert.equal(passed.result.score.scaled, 1);
      assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.8);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("fails against the LMS's mastery score; moveOn Completed needs no verdict; Browse sends only initialized and terminated", async () => {
    const cases = [
      { launch: { moveOn: 'Passed', masteryScore: 0.9 }, right: false, expected: ['launched', 'initialized', 'failed', 'completed', 'terminated'] },
      { launch: { moveOn: 'Completed' }, right: false, expected: ['launched', 'initialized', 'completed', 'terminated'] },
      { launch: { moveOn: 'CompletedAndPassed', launchMode: 'Browse' }, right: true, expected: ['launched', 'initialized', 'terminated'] },
    ];
    for (const c of cases) {
      const launch = await launchFromLms(c.launch);
      const { page, context, problems } = await openPage(demo.browser, new URL(launch.url, demo.server.url).href);
      try {
        await until(async () => (await statementsOf(launch.registration)).some((s) => VERB(s.verb.id) === 'initialized'), 'initialized');
        await answer(page, c.right);
        const statements = await until(async () => {
          const list = await statementsOf(launch.registration);
          return list.some((s) => VERB(s.verb.id) === 'terminated') && list;
        }, `terminated (${JSON.stringify(c.launch)})`);
        assert.deepEqual(statements.map((s) => VERB(s.verb.id)), c.expected, JSON.stringify(c.launch));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  });

  it('a checklist as the unit: completed (and passed) once every entry is done', async () => {
    const launch = await launchFromLms({ item: 'checklist.new-resident', moveOn: 'CompletedAndPassed' });
    const { page, context, problems } = await openPage(demo.browser, new URL(launch.url, demo.server.url).href);
    try {
      await until(async () => (await statementsOf(launch.registration)).some((s) => VERB(s.verb.id) === 'initialized'), 'initialized');
      await page.waitForFunction(() => document.querySelector('ehr-checklist')?.shadowRoot?.querySelector('[part="progress-text"]')?.textContent === '0 of 5 done', null, { timeout: 15000 });
      // The tours and the lesson were done on the EHR page earlier (the learner's progress); here the tasks are.
      await page.evaluate(async () => {
        const engine = document.querySelector('ehr-guide').engine;
        await engine.recordTour('tour.first-order', 60_000);
        await engine.recordTour('tour.order-entry', 30_000);
        await engine.recordLesson('lesson.reading-a-risk-score', { score: 1, passed: true, durationMs: 90_000 });
        document.querySelector('ehr-guide').workflow = 'order-sign';
      });
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('[part="progress-text"]').textContent === '4 of 5 done', null, { timeout: 10000 });
      assert.equal((await statementsOf(launch.registration)).some((s) => VERB(s.verb.id) === 'completed'), false, 'not completed before every entry is done');
      await page.evaluate(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('li[data-entry="templates"] [part="entry-button"]').click());
      const statements = await until(async () => {
        const list = await statementsOf(launch.registration);
        return list.some((s) => VERB(s.verb.id) === 'terminated') && list;
      }, 'terminated');
      assert.deepEqual(statements.map((s) => VERB(s.verb.id)), ['launched', 'initialized', 'passed', 'completed', 'terminated']);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('the same page without launch parameters runs as plain xAPI: no cmi5 statement, no fetch', async () => {
    const before = (await (await fetch(new URL('/__sandbox/xapi-received', demo.server.url))).json()).length;
    const { page, context, problems } = await openPage(demo.browser, new URL(`/demo/lesson.html?item=${LESSON}`, demo.server.url).href);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      await answer(page, true);
      await page.waitForFunction(() => /of 2|2 of 2|correct/i.test(document.querySelector('ehr-lesson').shadowRoot.textContent), null, { timeout: 10000 });
      await new Promise((r) => setTimeout(r, 500));
      const after = await (await fetch(new URL('/__sandbox/xapi-received', demo.server.url))).json();
      assert.equal(after.slice(before).filter((s) => s.context?.contextActivities?.category?.some((c) => c.id.includes('cmi5'))).length, 0);
      assert.equal(requests.filter((p) => p.includes('/cmi5/') || p.includes('/activities/state')).length, 0);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
