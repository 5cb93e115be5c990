import { expect } from '@open-wc/testing';
import { PackRegistry } from '../../../src/core/engine/registry.js';
import type { HttpTransport } from '../../../src/core/adapters.js';

// Packs load in parallel, but the order the host gave them decides: a later pack's item replaces an earlier one
// with the same id, and items list in pack order — whichever pack the network delivers first. (The help panel's
// list and the winner of a duplicated id used to follow arrival.)

const tip = (id: string, title: string) => ({ kind: 'tip', id, version: '1.0.0', title, reviewBy: '2027-12-31', body: 'b' });
const pack = (id: string, items: unknown[]) => ({ format: 'ehr-guide-pack/1', id, version: '1.0.0', title: id, locale: 'en', items });

const PACKS: Record<string, unknown> = {
  '/a.json': pack('pack.a', [tip('tip.shared', 'from a'), tip('tip.a', 'a only')]),
  '/b.json': pack('pack.b', [tip('tip.shared', 'from b'), tip('tip.b', 'b only')]),
};

/** Answers each pack after its delay (ms). */
const delayed = (delays: Record<string, number>): HttpTransport => (request) =>
  new Promise((resolve) => setTimeout(() => resolve({ status: 200, headers: {}, text: JSON.stringify(PACKS[request.url]) }), delays[request.url] ?? 0));

describe('pack order', () => {
  for (const [label, delays] of [
    ['the first pack arrives first', { '/a.json': 0, '/b.json': 60 }],
    ['the first pack arrives last', { '/a.json': 60, '/b.json': 0 }],
  ] as const) {
    it(`follows the order the host gave, not arrival (${label})`, async () => {
      const registry = new PackRegistry(() => undefined, () => undefined);
      await registry.load(['/a.json', '/b.json'], delayed(delays));
      expect(registry.items.map((item) => item.id)).to.deep.equal(['tip.shared', 'tip.a', 'tip.b']);
      expect(registry.item('tip.shared')!.title).to.equal('from b');
    });
  }

  it('a pack added after the loads comes after them; a reloaded pack takes its new place', async () => {
    const registry = new PackRegistry(() => undefined, () => undefined);
    await registry.load(['/a.json', '/b.json'], delayed({ '/a.json': 30 }));
    registry.add(pack('pack.c', [tip('tip.shared', 'from c')]), 'inline');
    expect(registry.item('tip.shared')!.title).to.equal('from c');
    await registry.load(['/a.json'], delayed({}));
    expect(registry.item('tip.shared')!.title).to.equal('from a');
  });
});
