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
      const file = req.url === '/ehr-skills.json' ? 'packs/ehr-skills.json' : /^\/value-sets\/[\w.-]+\.json$/.test(req.url) ? `packs${req.url}` : undefined;
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
      const read = (file) => {
        const byType = core.resourcesByType(core.bundleResources(JSON.parse(readFileSync(`test/fixtures/synthea/${file}`, 'utf8'))));
        const patient = byType.Patient[0];
        delete byType.Patient;
        return { patient, resources: byType };
      };
      // Joaquin: hydrochlorothiazide (coded, in the composed thiazide set) and no electrolytes in the last year.
      engine.setContext({ ...read('Joaquin_Rodriguez_69ee9841-f4a6-427a-a2fd-f5a891682057.json'), role: 'physician', workflow: 'patient-view' });
      let decisions = await engine.explain();
      assert.ok(decisions.find((d) => d.itemId === 'results.thiazide-electrolytes').show, 'the thiazide tip applies to Joaquin');
      assert.equal(decisions.find((d) => d.itemId === 'results.metformin-renal').reason, 'condition-false');
      // Chet: his oxycodone order is still "active", but his record says he died in 1968, aged 29.
      engine.setContext(read('Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a.json'));
      decisions = await engine.explain();
      assert.equal(decisions.find((d) => d.itemId === 'orders.older-adult-opioid').detail, 'condition 1 is false: ageInYears() >= 65');
      engine.setPolicy({ onRequest: false });
      engine.mount('orders.older-adult-opioid');
      assert.equal((await engine.explain()).find((d) => d.itemId === 'orders.older-adult-opioid').reason, 'patient-deceased');
      assert.deepEqual(problems.map((p) => p.code), ['pack-fetch-failed'], 'every value set beside the pack loaded');
      assert.equal(decisions.find((d) => d.itemId === 'results.thiazide-electrolytes').reason, 'condition-false');
      engine.dispose();
    } finally {
      server.close();
    }
  });
});
