import { expect } from '@open-wc/testing';
import { CdsCardSet, readCdsResponse } from '../../../src/core/cds/cds-response.js';
import { cardFeedback, feedbackUrl } from '../../../src/core/cds/feedback.js';

const fixture = async (name: string) => (await fetch(`/test/fixtures/cds-hooks/${name}.json`)).json();

describe('CDS Hooks responses', () => {
  it('reads the specification\'s example responses', async () => {
    const quickstart = readCdsResponse(await fixture('01-quickstart-develop-a-service'), 'static');
    expect(quickstart.problems).to.deep.equal([]);
    expect(quickstart.cards[0].card.indicator).to.equal('success'); // CDS Hooks 1.0's, shown as info
    expect(quickstart.cards[0].links[0].type).to.equal('smart');
    const current = readCdsResponse(await fixture('02-current-example'), 'static');
    expect(current.cards.map((c) => c.card.indicator)).to.deep.equal(['info', 'warning']);
    expect(current.cards[0].key).to.equal('4e0a3a1e-3283-4575-ab82-028d55fe2719');
    expect(current.cards[1].key).to.equal('static#1'); // no uuid: a positional key
    expect(current.cards[1].card.overrideReasons!.map((r) => r.display)).to.deep.equal(['Patient refused', 'Contraindicated']);
    expect(current.cards[0].icon).to.equal('https://example.com/img/icon-100px.png');
    // 03 has no indicator, which CDS Hooks 2.0 requires: left out, with the path.
    const autolaunch = readCdsResponse(await fixture('03-current-example'), 'lcs');
    expect(autolaunch.cards).to.have.length(0);
    expect(autolaunch.problems[0].path).to.equal('cards[0].indicator');
  });

  it('keeps the good cards of a bad response, dropping hostile links with their paths', () => {
    const { cards, problems } = readCdsResponse(
      {
        cards: [
          { summary: 'ok', indicator: 'critical', source: { label: 'S', icon: 'javascript:alert(1)' }, links: [{ label: 'bad', url: 'javascript:alert(1)', type: 'absolute' }, { label: 'good', url: 'https://example.org', type: 'absolute' }] },
          { summary: 'no source', indicator: 'info' },
          { summary: 'bad indicator', indicator: 'urgent', source: { label: 'S' } },
          'not a card',
        ],
      },
      'svc',
    );
    expect(cards).to.have.length(1);
    expect(cards[0].links.map((l) => l.label)).to.deep.equal(['good']);
    expect(cards[0].icon).to.equal(undefined);
    expect(problems.map((p) => p.path)).to.deep.equal(['cards[0].links[0].url', 'cards[0].source.icon', 'cards[1].source', 'cards[2].indicator', 'cards[3]']);
    expect(readCdsResponse({}, 'svc').problems[0]).to.deep.include({ path: 'cards' });
    expect(readCdsResponse(null, 'svc').problems[0].message).to.match(/must be an object/);
  });

  it('replaces a service\'s stale cards and orders critical first', () => {
    const set = new CdsCardSet();
    const a1 = readCdsResponse({ cards: [{ uuid: 'a1', summary: 'first', indicator: 'info', source: { label: 'A' } }] }, 'a').cards;
    const b1 = readCdsResponse({ cards: [{ uuid: 'b1', summary: 'b', indicator: 'critical', source: { label: 'B' } }] }, 'b').cards;
    set.replace('a', a1);
    set.replace('b', b1);
    expect(set.cards.map((c) => c.key)).to.deep.equal(['b1', 'a1']);
    const a2 = readCdsResponse({ cards: [{ uuid: 'a2', summary: 'second', indicator: 'warning', source: { label: 'A' } }] }, 'a').cards;
    expect(set.replace('a', a2)).to.deep.equal(['a1']);
    expect(set.cards.map((c) => c.key)).to.deep.equal(['b1', 'a2']);
    set.replace('b', []);
    expect(set.cards.map((c) => c.key)).to.deep.equal(['a2']);
  });

  it('builds feedback bodies shaped as the specification\'s examples', async () => {
    const at = new Date('2021-12-11T10:05:31Z');
    expect(cardFeedback('4e0a3a1e-3283-4575-ab82-028d55fe2719', { outcome: 'accepted', acceptedSuggestions: ['e56e1945-20b3-4393-8503-a1a20fd73152'] }, at)).to.deep.equal(await fixture('05-hl7-index-feedback-suggestion-accepted'));
    expect(cardFeedback('f6b95768-b1c8-40dc-8385-bf3504b82ffb', { outcome: 'overridden' }, new Date('2020-12-11T00:00:00Z'))).to.deep.equal(await fixture('06-hl7-index-feedback-overridden-no-reason'));
    const withReason = cardFeedback('9368d37b-283f-44a0-93ea-547cebab93ed', { outcome: 'overridden', reason: { code: 'd7ecf885', system: 'https://example.com/cds-hooks/override-reason-system' } }, new Date('2020-12-11T00:00:00Z'));
    const expected = await fixture('07-hl7-index-feedback-overridden-with-reason');
    delete expected.feedback[0].overrideReason.userComment; // free text never leaves the page
    expect(withReason).to.deep.equal(expected);
    expect(feedbackUrl('https://cds.example.org/cds-services/sepsis/')).to.equal('https://cds.example.org/cds-services/sepsis/feedback');
    expect(() => cardFeedback('', { outcome: 'overridden' })).to.throw(/uuid/);
  });
});
