import { expect } from '@open-wc/testing';
import { ProgressStore } from '../../src/core/progress/progress-store.js';
import { memoryStorage, type ProgressStorage } from '../../src/core/progress/storage.js';
import { indexedDbStorage, webStorage } from '../../src/platform/web-storage.js';
import { deviceLearnerId, tabSessionId } from '../../src/core/progress/identity.js';
import { pseudonymousLearnerId } from '../../src/platform/web-crypto.js';
import { reviveProgress } from '../../src/core/progress/progress.js';

const T = new Date(2026, 10, 23, 10).getTime();

describe('ProgressStore', () => {
  beforeEach(() => localStorage.clear());

  it('survives a reload through localStorage: seen, dismissed, snoozed, completed and scored', async () => {
    const store = new ProgressStore('lrn-1', 'sess-1', webStorage());
    await store.ready;
    await store.recordShown('orders.sign', '1.2.0', T, true);
    await store.recordDismissed('orders.sign', '1.2.0', T + 1, true);
    await store.snooze('results.flag', '1.0.0', T + 60_000);
    await store.recordCompleted('lesson.risk', '2.0.0', T + 2, 0.8, true);

    const reloaded = new ProgressStore('lrn-1', 'sess-1', webStorage());
    await reloaded.ready;
    expect(reloaded.item('orders.sign', '1.9.9')).to.deep.include({ seen: 1, sessionSeen: 1, dismissed: T + 1, version: '1.2.0' });
    expect(reloaded.item('orders.sign', '2.0.0')).to.equal(undefined); // a new major version starts fresh
    expect(reloaded.item('results.flag', '1.0.0')!.snoozedUntil).to.equal(T + 60_000);
    expect(reloaded.item('lesson.risk', '2.0.0')).to.deep.include({ completed: T + 2, score: 0.8, passed: true, attempts: 1 });
    expect(reloaded.state.session).to.deep.equal({ id: 'sess-1', unsolicited: 1, lastUnsolicitedAt: T });
    // A new session keeps everything but the per-session counters.
    const nextSession = new ProgressStore('lrn-1', 'sess-2', webStorage());
    await nextSession.ready;
    expect(nextSession.item('orders.sign', '1.2.0')).to.deep.include({ seen: 1, sessionSeen: 0 });
    expect(nextSession.state.session).to.deep.equal({ id: 'sess-2', unsolicited: 0 });
  });

  it('stores ids, versions, counts, times and scores only — no PHI can be written', async () => {
    const store = new ProgressStore('lrn-2', 'sess-1', webStorage());
    await store.ready;
    await store.recordShown('orders.sign', '1.0.0', T, true);
    const raw = localStorage.getItem('ehr-guide:progress:lrn-2')!;
    const keys = new Set<string>();
    JSON.parse(raw, (key, value) => (keys.add(key), value));
    keys.delete('');
    expect([...keys].sort()).to.deep.equal(['2026-11-23', 'days', 'format', 'id', 'items', 'lastSeen', 'lastUnsolicitedAt', 'learnerId', 'orders.sign@1', 'seen', 'session', 'sessionSeen', 'unsolicited', 'version', 'screens', 'tours', 'checklists'].sort());
    expect(() => new ProgressStore('Jane Doe', 's')).to.throw(TypeError, /pseudonymous id, never a name or MRN/);
  });

  it('works over IndexedDB', async () => {
    const storage = indexedDbStorage(`ehr-guide-test-${Math.random()}`);
    const store = new ProgressStore('lrn-3', 'sess-1', storage);
    await store.ready;
    await store.recordCompleted('lesson.a', '1.0.0', T, 1, true);
    const again = new ProgressStore('lrn-3', 'sess-1', storage);
    await again.ready;
    expect(again.item('lesson.a', '1.0.0')!.score).to.equal(1);
  });

  it('keeps working in memory and reports once when storage fails', async () => {
    const messages: string[] = [];
    const failing: ProgressStorage = {
      name: 'localStorage',
      load: async () => null,
      save: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      remove: async () => undefined,
    };
    const store = new ProgressStore('lrn-4', 's', failing, (m) => messages.push(m));
    await store.ready;
    await store.recordShown('a', '1.0.0', T, false);
    await store.recordShown('a', '1.0.0', T + 1, false);
    expect(store.item('a', '1.0.0')!.seen).to.equal(2);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/progress storage \(localStorage\) failed, keeping progress in memory for this session: quota/);
  });

  it('drops malformed stored data instead of trusting it', () => {
    expect(reviveProgress('{not json', 'l', 's').items).to.deep.equal({});
    const state = reviveProgress(JSON.stringify({ format: 'ehr-guide-progress/1', items: { 'ok.item@1': { seen: 2, days: { '2026-11-23': 1, evil: 5 } }, '<script>@1': { seen: 1 }, 'x@1': 'nope' } }), 'l', 's');
    expect(Object.keys(state.items)).to.deep.equal(['ok.item@1']);
    expect(state.items['ok.item@1'].days).to.deep.equal({ '2026-11-23': 1 });
  });

  it('rejects a score outside 0–1', async () => {
    const store = new ProgressStore('lrn-5', 's', memoryStorage());
    await store.ready;
    expect(() => store.recordCompleted('x', '1.0.0', T, 1.5)).to.throw(RangeError, 'score must be between 0 and 1, got 1.5');
  });
});

describe('identity', () => {
  it('makes a random device learner id and a tab session id, stable across calls', () => {
    localStorage.removeItem('ehr-guide:learner');
    const a = deviceLearnerId(localStorage);
    expect(a).to.match(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem('ehr-guide:learner')).to.equal(a);
    expect(deviceLearnerId(localStorage)).to.equal(a);
    expect(tabSessionId(sessionStorage)).to.equal(tabSessionId(sessionStorage));
    expect(tabSessionId(null)).to.not.equal(tabSessionId(null)); // no storage: a fresh id each time
    expect(webStorage().name).to.equal('localStorage');
  });

  it('derives a salted pseudonymous id from fhirUser that reveals nothing of it', async () => {
    const salt = 'org-secret-0123456789';
    const id = await pseudonymousLearnerId('Practitioner/123', salt);
    expect(id).to.match(/^lrn-[0-9a-f]{32}$/);
    expect(await pseudonymousLearnerId('Practitioner/123', salt)).to.equal(id);
    expect(await pseudonymousLearnerId('Practitioner/124', salt)).to.not.equal(id);
    expect(await pseudonymousLearnerId('Practitioner/123', `${salt}x`)).to.not.equal(id);
    // Hand check: the id is the first 32 hex digits of SHA-256(salt + NUL + fhirUser).
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000Practitioner/123`));
    expect(id).to.equal(`lrn-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 32)}`);
    try {
      await pseudonymousLearnerId('Practitioner/1', 'short');
      expect.fail('should reject a short salt');
    } catch (error) {
      expect((error as Error).message).to.match(/salt must be a secret of at least 16 characters/);
    }
  });
});
