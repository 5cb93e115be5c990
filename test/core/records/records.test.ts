import { expect } from '@open-wc/testing';
import { aiFeedbackStatement, XAPI_EXTENSION } from '../../../src/core/records/statements.js';
import { LearningRecords } from '../../../src/core/records/learning-records.js';
import { CdsFeedbackOutbox } from '../../../src/core/cds/feedback-outbox.js';
import { cardFeedback } from '../../../src/core/cds/feedback.js';
import type { KeyValueStorage } from '../../../src/core/dismissals.js';
import { until } from '../../helpers.js';
import { fetchTransport } from '../../../src/platform/fetch-transport.js';
import { webLock } from '../../../src/platform/web-locks.js';

const platform = { transport: fetchTransport(), lock: webLock, baseUrl: location.href };

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}
const sunk = async (name: string) => (await fetch(`/__test/sunk/${name}`)).json();
const failSink = (name: string, status: number) => fetch(`/__test/sink-fail/${name}?status=${status}`, { method: 'PUT' });

describe('learning records (xAPI)', () => {
  const learner = { homePage: 'https://hospital.example.org', name: 'lrn-7f3a9c' };

  it('makes a statement with a pseudonymous account and no patient data', () => {
    const statement = aiFeedbackStatement(
      { modelId: 'example-sepsis-model', modelVersion: 'training-example-1', modelName: 'Example sepsis model', outcome: 'override', reason: { code: 'data-wrong', system: 'https://ehr-guide.dev/CodeSystem/ai-override-reason', display: 'The data is wrong' }, source: 'risk-assessment', band: 'Alert threshold', population: 'outside' },
      learner,
    );
    expect(statement.actor).to.deep.equal({ objectType: 'Agent', account: learner });
    expect(statement.verb.id).to.equal('http://adlnet.gov/expapi/verbs/responded');
    expect(statement.object.id).to.equal('https://ehr-guide.dev/xapi/activities/models/example-sepsis-model/output');
    expect(statement.result).to.deep.include({ response: 'override:data-wrong' });
    expect((statement.context!.extensions as Record<string, unknown>)[`${XAPI_EXTENSION}/population`]).to.equal('outside');
    const text = JSON.stringify(statement);
    for (const forbidden of ['Patient/', 'mbox', 'birthDate', 'score']) expect(text).not.to.include(forbidden);
    expect(() => aiFeedbackStatement({ modelId: 'x', outcome: 'agree', source: 'score' }, { homePage: 'https://h.example', name: 'jane@example.org' })).to.throw(/pseudonymous/);
    expect(() => aiFeedbackStatement({ modelId: 'a b', outcome: 'agree', source: 'score' }, learner)).to.throw(/modelId/);
  });

  it('sends statements to the LRS with the xAPI headers, and keeps them when it is down', async () => {
    await fetch('/__test/sunk/lrs', { method: 'DELETE' });
    const storage = memory();
    const problems: string[] = [];
    const records = new LearningRecords({ ...platform, config: { endpoint: '/__test/sink/lrs/xapi/', auth: 'Basic dGVzdDp0ZXN0' }, storage, onProblem: (m) => problems.push(m) });
    await failSink('lrs', 503);
    records.record(aiFeedbackStatement({ modelId: 'm1', outcome: 'agree', source: 'score' }, learner));
    await records.flush();
    expect(records.queued).to.have.length(1);
    expect(problems[0]).to.match(/did not take 1 statement\(s\).*kept to send again/);
    // A new page (same storage) finds the statement and sends it once the LRS is back.
    await failSink('lrs', 0);
    const later = new LearningRecords({ ...platform, config: { endpoint: '/__test/sink/lrs/xapi/', auth: 'Basic dGVzdDp0ZXN0' }, storage });
    expect(later.queued).to.have.length(1);
    later.record(aiFeedbackStatement({ modelId: 'm2', outcome: 'agree', source: 'score' }, learner));
    await until(() => later.queued.length === 0, 'queue drained');
    const received = await sunk('lrs');
    const sent = received.flatMap((r: { body: unknown[] }) => r.body) as Array<{ id: string; object: { id: string } }>;
    expect(sent.map((s) => s.object.id.split('/').at(-2))).to.deep.equal(['m1', 'm2']);
    expect(received[0].path).to.equal('/xapi/statements');
    expect(received[0].headers['x-experience-api-version']).to.equal('1.0.3');
    expect(received[0].headers.authorization).to.equal('Basic dGVzdDp0ZXN0');
    expect(new Set(sent.map((s) => s.id)).size).to.equal(2);
  });

  it('sends again by itself when the LRS comes back, with no further action by the clinician (records sent = produced)', async () => {
    await fetch('/__test/sunk/lrs-back', { method: 'DELETE' });
    const problems: string[] = [];
    const records = new LearningRecords({ ...platform, config: { endpoint: '/__test/sink/lrs-back/xapi/' }, storage: memory(), retryDelays: [100, 200], onProblem: (m) => problems.push(m) });
    await failSink('lrs-back', 503);
    for (const modelId of ['a', 'b', 'c']) records.record(aiFeedbackStatement({ modelId, outcome: 'agree', source: 'score' }, learner));
    await until(() => problems.length >= 2, 'a retry failed too (the LRS is still down)');
    expect(records.queued).to.have.length(3);
    await failSink('lrs-back', 0);
    await until(() => records.queued.length === 0, 'sent by the retry once the LRS is back', 3000);
    const sent = (await sunk('lrs-back')).flatMap((r: { body: unknown[] }) => r.body) as Array<{ object: { id: string } }>;
    expect(sent.map((s) => s.object.id.split('/').at(-2)).sort()).to.deep.equal(['a', 'b', 'c']);
    records.dispose();
  });

  it('sets aside a statement the LRS refuses as invalid, and sends the others', async () => {
    await fetch('/__test/sunk/lrs-refuse', { method: 'DELETE' });
    await fetch('/__test/sink-refuse/lrs-refuse?contains=poison-model', { method: 'PUT' });
    const storage = memory();
    const problems: string[] = [];
    const records = new LearningRecords({ ...platform, storage, onProblem: (m) => problems.push(m) });
    for (const modelId of ['good-1', 'poison-model', 'good-2']) records.record(aiFeedbackStatement({ modelId, outcome: 'agree', source: 'score' }, learner));
    records.config = { endpoint: '/__test/sink/lrs-refuse/xapi/' };
    await records.flush();
    await fetch('/__test/sink-refuse/lrs-refuse', { method: 'PUT' });
    expect(records.queued).to.deep.equal([]);
    expect(records.rejected.map((s) => s.object.id.split('/').at(-2))).to.deep.equal(['poison-model']);
    expect(JSON.parse(storage.data.get('ehr-guide:xapi-rejected')!)).to.have.length(1);
    const sent = (await sunk('lrs-refuse')).flatMap((r: { body: Array<{ object: { id: string } }> }) => r.body).map((s: { object: { id: string } }) => s.object.id.split('/').at(-2));
    expect(sent).to.deep.equal(['good-1', 'good-2']);
    expect(problems.some((p) => /refused statement .* as invalid \(HTTP 400/.test(p))).to.equal(true);
  });

  it('refuses an LRS endpoint that is not http(s)', () => {
    expect(() => new LearningRecords({ ...platform, config: { endpoint: 'javascript:alert(1)' }, storage: null })).to.throw(/must be http\(s\)/);
  });
});

describe('CDS feedback outbox', () => {
  it('keeps feedback through an outage and delivers it in order', async () => {
    await fetch('/__test/sunk/cds', { method: 'DELETE' });
    const storage = memory();
    const problems: string[] = [];
    const outbox = new CdsFeedbackOutbox({ ...platform, storage, onProblem: (m) => problems.push(m) });
    await failSink('cds', 500);
    await outbox.send('/__test/sink/cds/cds-services/sepsis', cardFeedback('card-1', { outcome: 'overridden' }));
    expect(outbox.pending).to.have.length(1);
    expect(problems[0]).to.match(/answered 500/);
    await failSink('cds', 0);
    await new CdsFeedbackOutbox({ ...platform, storage }).send('/__test/sink/cds/cds-services/sepsis', cardFeedback('card-2', { outcome: 'accepted', acceptedSuggestions: ['s1'] }));
    const received = await sunk('cds');
    expect(received.map((r: { path: string }) => r.path)).to.deep.equal(['/cds-services/sepsis/feedback', '/cds-services/sepsis/feedback']);
    expect(received.map((r: { body: { feedback: Array<{ card: string }> } }) => r.body.feedback[0].card)).to.deep.equal(['card-1', 'card-2']);
    expect(JSON.parse(storage.data.get('ehr-guide:cds-feedback-queue')!)).to.deep.equal([]);
  });

  it('sends each feedback once when two outboxes (two tabs) share the stored queue', async () => {
    await fetch('/__test/sunk/cds-twice', { method: 'DELETE' });
    const storage = memory();
    const tabA = new CdsFeedbackOutbox({ ...platform, storage });
    const tabB = new CdsFeedbackOutbox({ ...platform, storage });
    await Promise.all([tabA.send('/__test/sink/cds-twice/cds-services/x', cardFeedback('card-once', { outcome: 'overridden' })), tabB.flush(), tabA.flush()]);
    const received = await sunk('cds-twice');
    expect(received.map((r: { body: { feedback: Array<{ card: string }> } }) => r.body.feedback[0].card)).to.deep.equal(['card-once']);
  });
});
