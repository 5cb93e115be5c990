// The DOM-free core, built, in Node with no browser globals: the same engine the elements use decides for a real
// Synthea record, packs come over Node's fetch through the platform transport, FHIRPath runs inline.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const core = await import('../../dist/core/index.js');
const { fetchTransport } = await import('../../dist/platform/fetch-transport.js');

describe('the core in Node', () => {
  it('has no browser globals to lean on', () => {
    for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'Worker']) assert.equal(typeof globalThis[name], 'undefined', name);
  });

  it('loads packs over HTTP and decides for a Synthea patient, as in the browser', async () => {
    const server = createServer((req, res) => {
      const file = { '/ehr-skills.json': 'packs/ehr-skills.json' }[req.url];
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(file));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}/`;
    try {
      const problems = [];
      const engine = new core.GuideEngine({
        learnerId: 'node-test',
        sessionId: 's1',
        transport: fetchTransport(),
        baseUrl: base,
        createEvaluator: () => new core.InlineEvaluator(),
        policy: { onRequest: true },
        onProblem: (p) => problems.push(p),
      });
      const results = await engine.loadPacks(['ehr-skills.json', 'missing.json']);
      assert.equal(results.filter((r) => r.pack).length, 1);
      assert.deepEqual(problems.map((p) => p.code), ['pack-fetch-failed']);
      assert.match(problems[0].message, /^missing\.json: could not be loaded: HTTP 404/);
      const bundle = JSON.parse(readFileSync('test/fixtures/synthea/Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a.json', 'utf8'));
      const byType = core.resourcesByType(core.bundleResources(bundle));
      const patient = byType.Patient[0];
      delete byType.Patient;
      engine.setContext({ patient, resources: byType, role: 'physician', workflow: 'patient-view' });
      // Asked for (onRequest): the facts of the record decide — Chet's oxycodone order is still "active".
      const decisions = await engine.explain();
      const shown = decisions.filter((d) => d.show).map((d) => d.itemId);
      assert.ok(shown.includes('orders.older-adult-opioid'), `Chet's record has an active opioid order: ${shown.join(', ')}`);
      // Pushed: Chet's record says he died in 1968, so nothing patient-specific is pushed.
      engine.setPolicy({ onRequest: false });
      ['orders.older-adult-opioid'].forEach((id) => engine.mount(id));
      const pushed = (await engine.explain()).find((d) => d.itemId === 'orders.older-adult-opioid');
      assert.equal(pushed.reason, 'patient-deceased');
      assert.equal(decisions.find((d) => d.itemId === 'results.thiazide-electrolytes').reason, 'condition-false');
      engine.dispose();
    } finally {
      server.close();
    }
  });
});
