import { expect } from '@open-wc/testing';
import { GuideEngine, type EngineOptions } from '../../../src/core/engine/engine.js';
import { memoryStorage, type ProgressStorage } from '../../../src/core/progress/storage.js';
import { resolvePolicy } from '../../../src/core/fatigue/policy.js';

/** A clock the test moves by hand. */
class FakeClock {
  constructor(public time = new Date(2026, 10, 23, 9, 0, 0).getTime()) {}
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
  nextDay(hour = 9) {
    const d = new Date(this.time);
    this.time = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, hour).getTime();
  }
}

const MIN = 60_000;

const tip = (id: string, extra: Record<string, unknown> = {}) => ({ kind: 'tip', id, version: '1.0.0', title: id, reviewBy: '2027-12-31', body: `Body of ${id}`, ...extra });
const pack = (items: unknown[]) => ({ format: 'ehr-guide-pack/1', id: 'fatigue', version: '1.0.0', title: 'Fatigue', locale: 'en', items });

function engineWith(items: unknown[], clock: FakeClock, options: Partial<EngineOptions> = {}, storage: ProgressStorage = memoryStorage()) {
  const engine = new GuideEngine({ learnerId: 'learner-1', sessionId: 'session-1', storage, now: clock.now, ...options });
  engine.addPack(pack(items));
  // As if each item had an element on the page (a connected <ehr-tip item>).
  for (const item of items as Array<{ id: string }>) engine.mount(item.id);
  return engine;
}

async function shown(engine: GuideEngine): Promise<string[]> {
  const { decisions } = await engine.evaluate();
  return decisions.filter((d) => d.show).map((d) => d.itemId);
}

async function reasons(engine: GuideEngine): Promise<Record<string, string>> {
  const { decisions } = await engine.evaluate();
  return Object.fromEntries(decisions.map((d) => [d.itemId, d.show ? 'show' : `${d.reason}`]));
}

/** What an element does: show what the engine allows, then report it shown. */
async function showAllowed(engine: GuideEngine): Promise<string[]> {
  const ids = await shown(engine);
  for (const id of ids) await engine.recordShown(id);
  return ids;
}

describe('alert-fatigue guard (fake clock)', () => {
  it('admits one new unsolicited tip at a time, highest priority first, then enforces the minimum interval', async () => {
    const clock = new FakeClock();
    const engine = engineWith([tip('low', { priority: 10 }), tip('high', { priority: 90 }), tip('mid', { priority: 50 })], clock);
    expect(await reasons(engine)).to.deep.equal({ high: 'show', mid: 'outranked', low: 'outranked' });
    await showAllowed(engine);
    engine.recordHidden('high');
    clock.advance(30_000);
    expect(await reasons(engine)).to.deep.include({ mid: 'min-interval', low: 'min-interval' });
    const explained = (await engine.explain()).find((d) => d.itemId === 'mid')!;
    expect(explained.detail).to.equal('last unsolicited tip 30 s ago; minimum interval is 60 s');
    clock.advance(31_000);
    expect(await showAllowed(engine)).to.deep.equal(['mid']);
  });

  it('lets pushed items compete only while an element on the page can render them', async () => {
    const clock = new FakeClock();
    const engine = new GuideEngine({ learnerId: 'l', sessionId: 's', storage: memoryStorage(), now: clock.now });
    engine.addPack(pack([tip('elsewhere', { priority: 90 }), tip('here', { priority: 10 }), tip('on-request', { unsolicited: false })]));
    const unmount = engine.mount('here');
    expect(await reasons(engine)).to.deep.equal({ here: 'show', 'on-request': 'show', elsewhere: 'not-on-page' });
    unmount();
    expect((await reasons(engine)).here).to.equal('not-on-page');
  });

  it('keeps a tip on screen while it is shown instead of making it compete again', async () => {
    const clock = new FakeClock();
    const engine = engineWith([tip('a', { priority: 60 }), tip('b', { priority: 50 })], clock);
    await showAllowed(engine);
    clock.advance(10_000);
    expect(await reasons(engine)).to.deep.equal({ a: 'show', b: 'min-interval' });
  });

  it('caps each item per session, per day and in total across simulated days and sessions', async () => {
    const clock = new FakeClock();
    const storage = memoryStorage();
    const item = tip('capped', { frequency: { perSession: 1, perDay: 2, total: 3 } });
    let session = 1;
    const open = () => engineWith([item], clock, { sessionId: `session-${session}`, policy: { minIntervalMs: 0 } }, storage);

    let engine = open();
    expect(await showAllowed(engine)).to.deep.equal(['capped']);
    engine.recordHidden('capped');
    expect((await reasons(engine)).capped, 'a re-render right away is the same showing').to.equal('show');
    clock.advance(GuideEngine.REMOUNT_GRACE_MS + 1);
    expect((await reasons(engine)).capped).to.equal('cap-session');

    session++; // a second session the same day: allowed once more
    engine = open();
    expect(await showAllowed(engine)).to.deep.equal(['capped']);
    engine.recordHidden('capped');

    session++; // a third session the same day: the day cap (2) stops it
    engine = open();
    expect((await reasons(engine)).capped).to.equal('cap-day');
    expect((await engine.explain())[0].detail).to.equal('shown 2 time(s) today; cap is 2');

    clock.nextDay(); // next day, new session: third and last time in total
    session++;
    engine = open();
    expect(await showAllowed(engine)).to.deep.equal(['capped']);
    engine.recordHidden('capped');

    clock.nextDay();
    session++;
    engine = open();
    expect((await reasons(engine)).capped).to.equal('cap-total');
  });

  it('stops at the per-session budget of unsolicited tips, and a new session has a new budget', async () => {
    const clock = new FakeClock();
    const storage = memoryStorage();
    const items = Array.from({ length: 8 }, (_, i) => tip(`t${i}`, { priority: 80 - i }));
    let engine = engineWith(items, clock, { policy: { minIntervalMs: MIN } }, storage);
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ids = await showAllowed(engine);
      seen.push(...ids);
      ids.forEach((id) => engine.recordHidden(id));
      clock.advance(MIN);
    }
    expect(seen).to.deep.equal(['t0', 't1', 't2', 't3', 't4', 't5']); // protective default: 6 a session
    expect((await reasons(engine)).t6).to.equal('session-budget');
    engine = engineWith(items, clock, { sessionId: 'session-2', policy: { minIntervalMs: MIN } }, storage);
    // New session, new budget; t0 is allowed again (once a session, twice a day by default) and ranks first.
    expect(await shown(engine)).to.deep.equal(['t0']);
  });

  it('is quiet at critical workflow points: nothing unsolicited at order-sign, tooltips and on-request items excepted', async () => {
    const clock = new FakeClock();
    const engine = engineWith(
      [tip('push', { when: { workflow: ['order-sign', 'order-select'] } }), tip('hover', { presentation: 'tooltip' }), tip('asked', { unsolicited: false })],
      clock,
    );
    engine.setContext({ workflow: 'order-sign' });
    expect(await reasons(engine)).to.deep.equal({ hover: 'show', asked: 'show', push: 'quiet-period' });
    engine.setContext({ workflow: 'order-select' });
    expect((await reasons(engine)).push).to.equal('show');
    await engine.recordShown('push');
    engine.setContext({ workflow: 'order-sign' }); // a tip already on screen leaves when signing starts
    expect((await reasons(engine)).push).to.equal('quiet-period');
  });

  it('snoozes, and honours "Got it" for the session and "Don\'t show again" until a new major version', async () => {
    const clock = new FakeClock();
    const storage = memoryStorage();
    let engine = engineWith([tip('snoozy', { frequency: { perSession: 5, perDay: 5, total: 50, snoozeMinutes: 30 } }), tip('gotit'), tip('never')], clock, { policy: { minIntervalMs: 0, maxNewAtOnce: 5 } }, storage);
    expect((await shown(engine)).sort()).to.deep.equal(['gotit', 'never', 'snoozy']);
    await engine.snooze('snoozy');
    await engine.recordDismissed('gotit', false);
    await engine.recordDismissed('never', true);
    expect(await reasons(engine)).to.deep.equal({ snoozy: 'snoozed', gotit: 'dismissed-this-session', never: 'dismissed' });
    clock.advance(31 * MIN);
    expect((await reasons(engine)).snoozy).to.equal('show');

    // Next session: "Got it" has expired, "Don't show again" has not.
    engine = engineWith([tip('gotit'), tip('never')], clock, { sessionId: 'session-2', policy: { minIntervalMs: 0, maxNewAtOnce: 5 } }, storage);
    expect(await reasons(engine)).to.deep.equal({ gotit: 'show', never: 'dismissed' });
    // A minor update is not a material change; a major one is, and shows again.
    engine = engineWith([tip('never', { version: '1.4.0' })], clock, { sessionId: 'session-3' }, storage);
    expect((await reasons(engine)).never).to.equal('dismissed');
    engine = engineWith([tip('never', { version: '2.0.0' })], clock, { sessionId: 'session-4' }, storage);
    expect((await reasons(engine)).never).to.equal('show');
  });

  it('filters by role, proficiency (explicit or inferred), workflow and locale, and says why', async () => {
    const clock = new FakeClock();
    const engine = engineWith(
      [
        tip('nurses', { audience: { roles: ['nurse'] } }),
        tip('novices', { audience: { proficiency: ['novice'] } }),
        tip('discharge', { when: { workflow: ['encounter-discharge'] } }),
        tip('french', { locale: 'fr' }),
      ],
      clock,
      { policy: { maxNewAtOnce: 10 } },
    );
    engine.setContext({ role: 'physician', workflow: 'patient-view', locale: 'en-US' });
    const decisions = Object.fromEntries((await engine.explain()).map((d) => [d.itemId, `${d.reason}: ${d.detail}`]));
    expect(decisions).to.deep.equal({
      nurses: 'role: for nurse; user\'s role is physician',
      novices: 'undefined: undefined', // inferred novice: no progress yet
      discharge: 'workflow: applies at encounter-discharge; current workflow point is patient-view',
      french: 'locale: item is in "fr", the user\'s locale is "en-US"',
    });
    engine.setContext({ proficiency: 'advanced' });
    expect((await engine.explain()).find((d) => d.itemId === 'novices')!.reason).to.equal('proficiency');
  });

  it('derives the role from the signed-in user\'s PractitionerRole when the host sets none', async () => {
    const clock = new FakeClock();
    const engine = engineWith([tip('pharm', { audience: { roles: ['pharmacist'] } })], clock);
    expect((await reasons(engine)).pharm).to.equal('role');
    engine.setContext({ user: { resourceType: 'PractitionerRole', id: 'pr1', code: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'pharmacist' }] }] } });
    expect((await reasons(engine)).pharm).to.equal('show');
    engine.setContext({ role: 'nurse' }); // the host's explicit role wins
    expect((await reasons(engine)).pharm).to.equal('role');
  });

  it('on request (a panel the clinician opened) shows all that applies, but still honours dismissals', async () => {
    const clock = new FakeClock();
    const engine = engineWith([tip('a', { frequency: { perSession: 1 } }), tip('b'), tip('c'), tip('d', { audience: { roles: ['nurse'] } })], clock, { policy: { onRequest: true } });
    engine.setContext({ workflow: 'order-sign', role: 'physician' });
    await showAllowed(engine);
    engine.recordHidden('a');
    clock.advance(GuideEngine.REMOUNT_GRACE_MS + 1);
    await engine.recordDismissed('c', true);
    expect(await reasons(engine)).to.deep.equal({ a: 'show', b: 'show', c: 'dismissed', d: 'role' });
  });

  it('rejects an invalid policy with a message naming the setting', () => {
    expect(() => resolvePolicy({ sessionBudget: -1 })).to.throw(RangeError, 'policy.sessionBudget must be a number ≥ 0, got -1');
    expect(() => resolvePolicy({ defaultFrequency: { perDay: Number.NaN } as never })).to.throw(RangeError, /policy.defaultFrequency.perDay/);
  });
});
