import { expect } from '@open-wc/testing';
import { aggregateReport } from '../../../src/core/report/aggregate.js';
import { readStatements } from '../../../src/core/report/read-statements.js';
import { reportCsv } from '../../../src/core/report/csv.js';
import { readLrs } from '../../../src/core/report/lrs-query.js';
import { itemStatement, lessonStatement, tourStatement, withRole } from '../../../src/core/records/statements.js';
import type { HttpRequest, HttpResponse } from '../../../src/core/adapters.js';
import { expected, generate, HOME, type Event } from './generate.js';

describe('the governance and learning report', () => {
  it('aggregates 3,000 generated statements as an independent count says, and skips what is not ehr-guide\'s with the reason', () => {
    const { events, statements } = generate(3000);
    const foreign = [{ actor: { account: { homePage: HOME, name: 'x' } }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://lms.example/course/1' }, context: { platform: 'Moodle' } }, { actor: { mbox: 'mailto:a@b.c' }, verb: { id: 'v' }, object: { id: 'o' } }, 'not a statement', null];
    const { facts, skipped } = readStatements([...statements, ...foreign]);
    expect(facts).to.have.length(3000);
    expect(skipped).to.deep.equal({ 'from another tool (context.platform is not "ehr-guide")': 1, 'no account actor (ehr-guide names learners by account only)': 1, 'not a statement object': 2 });
    const report = aggregateReport(facts, {}, skipped);
    for (const model of ['example-deterioration-index', 'example-sepsis-model']) {
      const m = report.models.find((x) => x.modelId === model)!;
      const ai = (e: Event): e is Extract<Event, { kind: 'ai' }> => e.kind === 'ai' && e.model === model;
      expect(m.agree).to.equal(expected(events, (e) => ai(e) && e.outcome === 'agree'));
      expect(m.override).to.equal(expected(events, (e) => ai(e) && e.outcome === 'override'));
      expect(m.overrideRate).to.be.closeTo(m.override! / (m.agree! + m.override!), 1e-12);
      for (const population of ['inside', 'outside', 'cannot-tell']) expect(m.byPopulation[population].override, population).to.equal(expected(events, (e) => ai(e) && e.population === population && e.outcome === 'override'));
      for (const role of ['physician', 'nurse', 'pharmacist']) expect(m.byRole[role].agree, role).to.equal(expected(events, (e) => ai(e) && e.role === role && e.outcome === 'agree'));
      for (const mon of ['2026-09', '2026-10', '2026-11']) expect(m.byMonth[mon].override, mon).to.equal(expected(events, (e) => ai(e) && e.at.startsWith(mon) && e.outcome === 'override'));
      for (const r of m.reasons) expect(r.count, r.code).to.equal(expected(events, (e) => ai(e) && e.reason === r.code));
      expect(m.reasons.map((r) => r.code).sort()).to.deep.equal(['clinical-judgement', 'data-wrong', 'outside-population']);
    }
    for (const itemId of ['lesson.automation-bias', 'lesson.reading-a-risk-score']) {
      const l = report.learning.find((x) => x.itemId === itemId)!;
      const mine = events.filter((e): e is Extract<Event, { kind: 'lesson' }> => e.kind === 'lesson' && e.itemId === itemId);
      expect(l.attempts).to.equal(mine.length);
      expect(l.learners).to.equal(new Set(mine.map((e) => e.learner)).size);
      expect(l.completed).to.equal(new Set(mine.filter((e) => e.passed).map((e) => e.learner)).size);
      expect(l.meanScore).to.be.closeTo(mine.reduce((s, e) => s + e.score, 0) / mine.length, 1e-9);
      const ms = mine.map((e) => e.ms / 60000).sort((a, b) => a - b);
      const mid = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
      expect(l.medianMinutes).to.be.closeTo(mid, 0.051);
    }
    for (const itemId of ['ai.reading-a-score', 'orders.sign-check']) {
      const i = report.items.find((x) => x.itemId === itemId)!;
      for (const [measure, event] of [['shown', 'shown'], ['gotIt', 'got-it'], ['never', 'never'], ['snoozed', 'snoozed']] as const) {
        expect(i[measure], `${itemId} ${measure}`).to.equal(expected(events, (e) => e.kind === 'item' && e.itemId === itemId && e.event === event));
      }
    }
  });

  it('withholds every figure from fewer than 5 learners (configurable), filters by period, role and model', () => {
    const few = generate(300, 11).statements.map((s) => ({ ...s, actor: { ...s.actor, account: { ...s.actor.account, name: `learner-${Number(s.actor.account.name.split('-')[1]) % 3}` } } }));
    const report = aggregateReport(readStatements(few).facts);
    const m = report.models[0];
    expect([m.learners, m.agree, m.override, m.overrideRate]).to.deep.equal([null, null, null, null]);
    expect(report.suppressed).to.be.greaterThan(10);
    expect(JSON.stringify(report)).to.not.match(/learner-\d/);
    const open = aggregateReport(readStatements(few).facts, { minCell: 1 });
    expect(open.models[0].agree).to.be.a('number');
    const { statements } = generate(1000, 3);
    const facts = readStatements(statements).facts;
    const octNurses = aggregateReport(facts, { since: '2026-10-01T00:00:00Z', until: '2026-10-31T23:59:59Z', role: 'nurse', model: 'example-sepsis-model', minCell: 1 });
    expect(octNurses.models.map((x) => x.modelId)).to.deep.equal(['example-sepsis-model']);
    const byHand = facts.filter((f) => f.kind === 'ai' && f.modelId === 'example-sepsis-model' && f.role === 'nurse' && f.at!.startsWith('2026-10') && f.outcome === 'override').length;
    expect(octNurses.models[0].override).to.equal(byHand);
    expect(Object.keys(octNurses.models[0].byMonth)).to.deep.equal(['2026-10']);
  });

  it('coverage per role and review-by dates from the packs; a pushed item clinicians reject often is flagged', () => {
    const learner = (i: number) => ({ homePage: HOME, name: `n${i}` });
    const statements = [
      ...Array.from({ length: 6 }, (_, i) => withRole(lessonStatement({ itemId: 'lesson.a', version: '1', title: 'A', score: 1, passed: true, durationMs: 60000 }, learner(i)), 'nurse')),
      ...Array.from({ length: 8 }, (_, i) => withRole(itemStatement('shown', { itemId: 'tip.noisy', version: '1', title: 'Noisy', kind: 'tip' }, learner(i)), 'nurse')),
      ...Array.from({ length: 6 }, (_, i) => withRole(itemStatement('never', { itemId: 'tip.noisy', version: '1', title: 'Noisy', kind: 'tip' }, learner(i)), 'nurse')),
      ...Array.from({ length: 7 }, (_, i) => withRole(tourStatement({ itemId: 'tour.b', version: '1', title: 'B', durationMs: 30000 }, learner(i + 10)), 'physician')),
    ];
    const report = aggregateReport(readStatements(statements).facts, {
      today: '2026-12-01',
      items: [
        { id: 'lesson.a', kind: 'lesson', title: 'A', reviewBy: '2026-11-20', audience: { roles: ['nurse'] } },
        { id: 'tour.b', kind: 'tour', title: 'B', reviewBy: '2026-12-20' },
        { id: 'tip.noisy', kind: 'tip', title: 'Noisy', reviewBy: '2027-06-01' },
      ],
    });
    expect(report.coverage).to.deep.equal([
      { role: 'nurse', learners: 8, items: [{ itemId: 'lesson.a', kind: 'lesson', covered: 6 }, { itemId: 'tour.b', kind: 'tour', covered: 0 }] },
      { role: 'physician', learners: 7, items: [{ itemId: 'tour.b', kind: 'tour', covered: 7 }] },
    ]);
    expect(report.reviews).to.deep.equal([{ itemId: 'lesson.a', title: 'A', reviewBy: '2026-11-20', status: 'past' }, { itemId: 'tour.b', title: 'B', reviewBy: '2026-12-20', status: 'due' }]);
    const noisy = report.items.find((i) => i.itemId === 'tip.noisy')!;
    expect([noisy.shown, noisy.never, noisy.neverRate, noisy.flagged]).to.deep.equal([8, 6, 0.75, true]);
    const csv = reportCsv(report);
    expect(csv.split('\r\n')[0]).to.equal('section,id,group,measure,value');
    expect(csv).to.include('item,tip.noisy,tip,flagged,1\r\n');
    expect(csv).to.include('coverage,nurse,lesson:lesson.a,covered,6\r\n');
  });

  it('reads an LRS through the statements API: version header, filters, "more" paging; refusals, time-outs and endless paging stop with a reason', async () => {
    const { statements } = generate(250, 5);
    const seen: HttpRequest[] = [];
    const pages = (forever = false) => async (req: HttpRequest): Promise<HttpResponse> => {
      seen.push(req);
      const url = new URL(req.url);
      const from = Number(url.searchParams.get('from') ?? 0);
      const more = forever ? '/xapi/statements?from=100' : from + 100 < statements.length ? `/xapi/statements?from=${from + 100}` : '';
      return { status: 200, headers: {}, text: JSON.stringify({ statements: statements.slice(from, from + 100), more }) };
    };
    const progress: number[] = [];
    const read = await readLrs(pages(), { endpoint: 'https://lrs.example/xapi/statements', auth: 'Basic abc', since: '2026-09-01T00:00:00Z', verb: 'http://adlnet.gov/expapi/verbs/responded' }, (_p, n) => progress.push(n));
    expect([read.statements.length, read.pages, read.stopped, progress]).to.deep.equal([250, 3, undefined, [1, 2, 3]]);
    expect(seen[0].headers).to.deep.include({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic abc' });
    expect(new URL(seen[0].url).searchParams.get('since')).to.equal('2026-09-01T00:00:00Z');
    expect(new URL(seen[0].url).searchParams.get('verb')).to.equal('http://adlnet.gov/expapi/verbs/responded');
    expect(seen[1].url).to.equal('https://lrs.example/xapi/statements?from=100');

    const endless = await readLrs(pages(true), { endpoint: 'https://lrs.example/xapi/statements' });
    expect(endless.stopped).to.equal('the LRS sent the same "more" link again (it pages forever)');
    expect(endless.statements).to.have.length(200);
    const refused = await readLrs(async () => ({ status: 401, headers: {}, text: '' }), { endpoint: 'https://lrs.example/xapi/statements' });
    expect(refused.stopped).to.equal('the LRS refused the credentials (HTTP 401)');
    const junk = await readLrs(async () => ({ status: 200, headers: {}, text: '<html>' }), { endpoint: 'https://lrs.example/xapi/statements' });
    expect(junk.stopped).to.equal('the LRS answered with something that is not JSON');
    const slow = await readLrs((req) => new Promise((_, reject) => req.signal!.addEventListener('abort', () => reject(new Error('aborted')))), { endpoint: 'https://lrs.example/xapi/statements', timeoutMs: 50 });
    expect(slow.stopped).to.equal('the LRS did not answer within 0.05 s');
    // The xAPI endpoint as <ehr-guide lrs-endpoint> takes it: its statements resource is read.
    seen.length = 0;
    for (const endpoint of ['https://lrs.example/xapi/', 'https://lrs.example/xapi', 'https://lrs.example/xapi/statements/']) {
      await readLrs(pages(), { endpoint, limit: 10 });
      expect(new URL(seen.at(-1)!.url).pathname, endpoint).to.match(/^\/xapi\/statements\/?$/);
    }
    const notUrl = await readLrs(pages(), { endpoint: 'not a url' });
    expect(notUrl.stopped).to.equal('the LRS endpoint "not a url" is not a URL');
  });
});
