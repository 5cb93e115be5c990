import { expect } from '@open-wc/testing';
import { loadPack } from '../../src/core/packs/load-pack.js';

const tip = (overrides: Record<string, unknown> = {}) => ({
  kind: 'tip',
  id: 'orders.sign',
  version: '1.0.0',
  title: 'Before you sign',
  reviewBy: '2027-06-30',
  audience: { roles: ['physician', 'resident'], proficiency: ['novice'] },
  when: { workflow: ['order-sign'], conditions: ["birthDate <= today() - 65 years"], selector: '#sign' },
  frequency: { perSession: 1, perDay: 2, total: 5 },
  priority: 70,
  body: 'Check **dose** first.',
  ...overrides,
});

const pack = (items: unknown[], overrides: Record<string, unknown> = {}) => ({
  format: 'ehr-guide-pack/1',
  id: 'test-pack',
  version: '1.0.0',
  title: 'Test pack',
  locale: 'en',
  items,
  ...overrides,
});

describe('loadPack', () => {
  it('loads a valid pack with tips, tours and lessons, filling item locale from the pack', () => {
    const { pack: loaded, errors } = loadPack(
      pack([
        tip(),
        { kind: 'tour', id: 'tour.orders', version: '1.0.0', title: 'Order entry', reviewBy: '2027-01-01', body: 'A tour', steps: [{ selector: '#med', title: 'Medication', body: 'Pick it' }] },
        {
          kind: 'lesson',
          id: 'lesson.risk',
          version: '2.1.0',
          title: 'Reading a risk score',
          reviewBy: '2027-01-01',
          locale: 'en-GB',
          body: 'Two minutes',
          passMark: 0.8,
          questions: [{ id: 'q1', prompt: 'PPV depends on?', type: 'single', options: [{ id: 'a', text: 'Prevalence', correct: true }, { id: 'b', text: 'Colour' }] }],
        },
      ]),
      'test.json',
    );
    expect(errors).to.deep.equal([]);
    expect(loaded!.items.map((i) => [i.id, i.kind, i.locale, i.packId])).to.deep.equal([
      ['orders.sign', 'tip', 'en', 'test-pack'],
      ['tour.orders', 'tour', 'en', 'test-pack'],
      ['lesson.risk', 'lesson', 'en-GB', 'test-pack'],
    ]);
    expect(loaded!.source).to.equal('test.json');
  });

  it('reports each kind of schema error with its JSON path, and loads the good items of a mixed pack', () => {
    const { pack: loaded, errors } = loadPack(
      pack([
        tip({ id: 'good.one' }),
        tip({ id: 'Bad Id!' }),
        tip({ id: 'bad.version', version: 'one' }),
        tip({ id: 'bad.date', reviewBy: '2027-13-45' }),
        tip({ id: 'bad.role', audience: { roles: ['surgeon-king'] } }),
        tip({ id: 'bad.extra', colour: 'red' }),
        tip({ id: 'bad.priority', priority: 101 }),
        tip({ id: 'bad.body', body: '' }),
        { kind: 'banner', id: 'bad.kind', version: '1.0.0' },
        tip({ id: 'bad.missing', title: undefined }),
        { kind: 'lesson', id: 'bad.lesson', version: '1.0.0', title: 'L', reviewBy: '2027-01-01', body: 'x', passMark: 2, questions: [{ id: 'q', prompt: 'p', type: 'single', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', correct: true }] }] },
        tip({ id: 'good.one' }),
        tip({ id: 'good.two', when: { workflow: ['patient-view'] } }),
      ]),
    );
    expect(loaded!.items.map((i) => i.id)).to.deep.equal(['good.one', 'good.two']);
    const byPath = errors.map((e) => `${e.path} | ${e.itemId ?? ''} | ${e.message}`);
    expect(byPath).to.deep.equal([
      '$.items[1].id | Bad Id! | must be 1–128 characters of a–z, 0–9, ".", "_" or "-", starting with a letter or digit',
      '$.items[2].version | bad.version | must be a semantic version such as "1.2.0"',
      '$.items[3].reviewBy | bad.date | must be a date written YYYY-MM-DD',
      '$.items[4].audience.roles[0] | bad.role | must be one of physician, nurse, pharmacist, resident, student, administrative, other',
      '$.items[5].colour | bad.extra | Invalid key: Expected never but received "colour"',
      '$.items[6].priority | bad.priority | Invalid value: Expected <=100 but received 101',
      '$.items[7].body | bad.body | must not be empty',
      '$.items[8].kind | bad.kind | kind must be "tip", "tour", "lesson" or "checklist"',
      '$.items[9].title | bad.missing | Invalid type: Expected string but received undefined',
      '$.items[10].questions[0] | bad.lesson | a single-choice question needs exactly one correct option',
      '$.items[10].passMark | bad.lesson | Invalid value: Expected <=1 but received 2',
      '$.items[11].id | good.one | duplicate id "good.one" (the first item with it is kept)',
    ]);
  });

  it('rejects an unusable pack header with paths, loading nothing', () => {
    const result = loadPack({ format: 'other/1', id: 'x', version: '1', title: '', locale: 'english!', items: 'none' });
    expect(result.pack).to.equal(undefined);
    expect(result.errors.map((e) => e.path)).to.deep.equal(['$.format', '$.version', '$.title', '$.locale', '$.items']);
    expect(loadPack(null).errors[0]).to.deep.include({ path: '$' });
  });

  it('accepts compiled markdown bodies and reports invalid ones with the inner path', () => {
    const good = { format: 'ehr-md/1', blocks: [{ t: 'p', c: [{ t: 'text', v: 'ok' }] }] };
    const bad = { format: 'ehr-md/1', blocks: [{ t: 'p', c: [{ t: 'link', href: 'javascript:x', c: [] }] }] };
    const { pack: loaded, errors } = loadPack(pack([tip({ id: 'c.good', body: good }), tip({ id: 'c.bad', body: bad })]));
    expect(loaded!.items.map((i) => i.id)).to.deep.equal(['c.good']);
    expect(errors).to.have.length(1);
    expect(errors[0].path).to.equal('$.items[1].body');
    expect(errors[0].message).to.match(/compiled markdown is invalid: \$\.blocks\[0\]\.c\[0\]\.href URL not allowed/);
  });
});

describe('model cards in packs', () => {
  it('loads the example model cards, each with all 31 HTI-1 attributes named and its sources cited', async () => {
    const json = await (await fetch('/packs/model-cards.json')).json();
    const { pack: loaded, errors } = loadPack(json, 'model-cards.json');
    expect(errors).to.deep.equal([]);
    const { HTI1_ATTRIBUTE_NAMES, missingHti1Attributes } = await import('../../src/core/models/model-card.js');
    expect(HTI1_ATTRIBUTE_NAMES).to.have.length(31);
    expect(loaded!.modelCards.map((c) => c.id)).to.deep.equal(['example-sepsis-model', 'example-deterioration-index', 'example-ich-triage']);
    for (const card of loaded!.modelCards) {
      expect(missingHti1Attributes(card), card.id).to.deep.equal([]);
      expect(card.trainingExample).to.equal(true);
      expect(card.sources.length).to.be.greaterThan(0);
    }
    // The published figures are consistent with each other (Wong et al. 2021): PPV 12 % at 6.6 % prevalence.
    const sepsis = loaded!.modelCards[0].performance;
    const { predictiveValues } = await import('../../src/core/risk/math.js');
    const recomputed = predictiveValues({ sensitivity: sepsis.atThresholds[0].sensitivity, specificity: sepsis.atThresholds[0].specificity, prevalence: sepsis.evaluationPrevalence });
    expect(Math.round(recomputed.ppv * 100)).to.equal(Math.round(sepsis.atThresholds[0].ppv! * 100));
    // Singh et al. 2021 report PPV 74 % at ≥ 68.8 with sensitivity 39 % and 103/392 = 26.3 % prevalence; the card's
    // specificity (95 %) is derived from the 14 % flagged: 1 − (0.14 − 0.39 × 0.263) / (1 − 0.263) = 0.949.
    const edi = loaded!.modelCards[1].performance;
    expect(1 - (0.14 - 0.39 * (103 / 392)) / (1 - 103 / 392)).to.be.closeTo(edi.atThresholds[0].specificity, 0.005);
    const ediPpv = predictiveValues({ sensitivity: edi.atThresholds[0].sensitivity, specificity: edi.atThresholds[0].specificity, prevalence: edi.evaluationPrevalence }).ppv;
    expect(ediPpv).to.be.closeTo(edi.atThresholds[0].ppv!, 0.01);
  });

  it('reports invalid model cards with their paths and keeps the valid ones', async () => {
    const json = await (await fetch('/packs/model-cards.json')).json();
    const bad = structuredClone(json.modelCards[0]);
    bad.id = 'bad-card';
    bad.performance.atThresholds[0].sensitivity = 33;
    bad.decisionRole = 'decides';
    bad.hti1.fundingSource = '';
    bad.sources = [];
    const ich = json.modelCards.find((c: { id: string }) => c.id === 'example-ich-triage');
    const { pack: loaded, errors } = loadPack({ ...json, modelCards: [ich, bad] });
    expect(loaded!.modelCards.map((c) => c.id)).to.deep.equal(['example-ich-triage']);
    expect(errors.map((e) => `${e.path}: ${e.message}`)).to.deep.equal([
      '$.modelCards[1].decisionRole: must be informs, augments or replaces (clinical management)',
      '$.modelCards[1].performance.atThresholds[0].sensitivity: must be a proportion from 0 to 1 (0.33 for 33 %)',
      '$.modelCards[1].hti1.fundingSource: must not be empty',
      '$.modelCards[1].sources: cite at least one source for the figures',
    ]);
  });
});
