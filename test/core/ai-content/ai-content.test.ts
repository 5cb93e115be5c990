import { expect } from '@open-wc/testing';
import { aiContentFacts, modelCardDocument } from '../../../src/core/ai-content/ai-content.js';
import { aiLabels } from '../../../src/core/ai-content/labels.js';
import { guidanceFor } from '../../../src/core/ai-content/guidance.js';
import { loadPack } from '../../../src/core/packs/load-pack.js';

// The IG's own examples (test/fixtures/ai-transparency/PROVENANCE.md), read as the guide's sections say.
type R = { resourceType: string; id: string; [k: string]: unknown };
const fixture = async (name: string): Promise<R> => (await fetch(`/test/fixtures/ai-transparency/${name}.json`)).json();

describe('AI Transparency on FHIR: labels, Provenance, AI Devices, model cards', () => {
  let f: Record<string, R>;
  before(async () => {
    const names = ['Observation-glasgow', 'DiagnosticReport-f202', 'Device-TheAI', 'Observation-f206', 'Provenance-AI-Contributed', 'Procedure-proc', 'Provenance-AI-Authored-Element', 'Observation-satO2', 'Device-Attached-ModelCard', 'DocumentReference-ModelCard-sample-huggingface-attached', 'DocumentReference-ModelCard-sample-CHAI-attached', 'DocumentReference-ambient-note', 'Provenance-ambient-note-ai', 'Condition-suggested-problem', 'Provenance-points-nowhere'];
    f = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await fixture(n)])));
  });

  it('Labeling: AIAST on the resource (glasgow), inline on elements with PROCESSINLINELABEL (f202), none on f206', () => {
    expect(aiLabels(f['Observation-glasgow'])).to.deep.equal({ resource: true, code: 'AIAST', elements: [], inline: false });
    expect(aiLabels(f['DiagnosticReport-f202'])).to.deep.equal({ resource: true, code: 'AIAST', elements: ['conclusion', 'conclusionCode[0]'], inline: true });
    expect(aiLabels(f['Observation-f206'])).to.deep.equal({ resource: false, elements: [], inline: false });
    // A label for one element: asked about another element of f202 (its code), only the resource-level label marks it.
    const conclusion = aiContentFacts(f['DiagnosticReport-f202'], [], { element: 'conclusion' });
    expect(conclusion.ai).to.equal(true);
    expect({ ...aiLabels({ ...f['DiagnosticReport-f202'], meta: { security: [] } }) }.elements).to.deep.equal(['conclusion', 'conclusionCode[0]']);
    expect(aiContentFacts({ ...f['DiagnosticReport-f202'], meta: {} }, [], { element: 'code' }).ai).to.equal(false);
  });

  it('Provenance: the AI author of f206 is TheAI (a large language model), verified by a human; no model card', () => {
    const facts = aiContentFacts(f['Observation-f206'], [f['Provenance-AI-Contributed'], f['Device-TheAI']]);
    expect(facts.ai).to.equal(true);
    expect(facts.producers).to.deep.equal([{ reference: 'Device/TheAI', kinds: ['Large-Language-Models'], manufacturer: 'Acme Devices, Inc', version: '10.23-23423', modelCards: [] }]);
    expect(facts.verification).to.equal('verified');
    expect(facts.verifiers).to.deep.equal(['http://server.example.org/fhir/Practitioner/pract']);
    expect(facts.when).to.equal('2017-06-06');
    expect(facts.provenances[0].activity).to.equal('antiviral resistance detection');
    expect(facts.modelCard).to.equal(undefined);
    expect(facts.problems).to.deep.equal([]);
  });

  it('element-level Provenance: only Procedure.followUp.text is AI-written (an informant), and no verifier is recorded', () => {
    const related = [f['Provenance-AI-Authored-Element'], f['Device-TheAI']];
    const part = aiContentFacts(f['Procedure-proc'], related, { element: 'followUp.text' });
    expect(part.ai).to.equal(true);
    expect(part.provenances[0].element).to.equal('followUp.text');
    expect(part.provenances[0].ai[0].part).to.equal('informant');
    expect(part.verification).to.equal('not-verified'); // the human agent is the author, not a verifier
    expect(aiContentFacts(f['Procedure-proc'], related, { element: 'note' }).ai).to.equal(false);
  });

  it('an AI Device as the source: satO2 (device) and glasgow (performer alternate-reference); without Provenance verification cannot be told', () => {
    const sat = aiContentFacts(f['Observation-satO2'], [f['Device-TheAI']]);
    expect(sat.producers.map((p) => p.reference)).to.deep.equal(['Device/TheAI']);
    expect(sat.verification).to.equal('cannot-tell');
    const glasgow = aiContentFacts(f['Observation-glasgow'], [f['Device-TheAI']]);
    expect(glasgow.producers).to.have.length(1);
    // The label alone, with no Device in the chart: AI, but who made it cannot be told.
    const alone = aiContentFacts(f['Observation-glasgow']);
    expect([alone.ai, alone.producers.length, alone.verification]).to.deep.equal([true, 0, 'cannot-tell']);
  });

  it('a Provenance that points nowhere: "cannot tell who produced this", named as a problem', () => {
    const facts = aiContentFacts(f['Condition-suggested-problem'], [f['Provenance-points-nowhere']]);
    expect(facts.ai).to.equal(true);
    expect(facts.producers).to.deep.equal([]);
    expect(facts.problems).to.deep.equal(['the Provenance names an AI agent (Device/not-in-this-chart) that is not among the resources given']);
  });

  it('model cards through the Device: Markdown decoded from base64; CHAI XML decoded; other DocumentReferences are not model cards', () => {
    const viaDevice = aiContentFacts(f['Observation-satO2'], [f['Device-Attached-ModelCard'], f['DocumentReference-ModelCard-sample-huggingface-attached']]);
    // satO2 names Device/TheAI, not the Attached-ModelCard device: no card.
    expect(viaDevice.modelCard).to.equal(undefined);
    const withCard = aiContentFacts({ ...f['Observation-satO2'], device: { reference: 'Device/Attached-ModelCard' } }, [f['Device-Attached-ModelCard'], f['DocumentReference-ModelCard-sample-huggingface-attached']]);
    expect(withCard.modelCard?.format).to.equal('markdown');
    expect(withCard.modelCard?.text).to.include('# Dataset Card for Sample Segmentation');
    const chai = modelCardDocument(f['DocumentReference-ModelCard-sample-CHAI-attached']);
    expect(chai?.format).to.equal('chai-xml');
    expect(chai?.text).to.include('<ModelName>BriefCase-Triage for Intracranial Hemorrhage (ICH)</ModelName>');
    expect(modelCardDocument(f['DocumentReference-ambient-note'])).to.equal(undefined);
  });

  it('review guidance from a pack: by resource type (and AI kind), validated with paths', async () => {
    const pack = await (await fetch('/packs/ai-literacy.json')).json();
    const loaded = loadPack(pack, 'ai-literacy.json');
    expect(loaded.errors).to.deep.equal([]);
    const all = loaded.pack!.aiContentGuidance;
    expect(guidanceFor(all, 'DocumentReference').map((g) => g.id)).to.deep.equal(['ai-content.drafted-note']);
    expect(guidanceFor(all, 'Patient')).to.deep.equal([]);
    const withKinds = [...all, { ...all[0], id: 'llm-only', aiKinds: ['Large-Language-Models'] }];
    expect(guidanceFor(withKinds, 'DocumentReference', ['Rule-Based-Systems']).map((g) => g.id)).to.deep.equal(['ai-content.drafted-note']);
    expect(guidanceFor(withKinds, 'DocumentReference', ['Large-Language-Models']).map((g) => g.id)).to.deep.equal(['ai-content.drafted-note', 'llm-only']);
    const bad = loadPack({ ...pack, aiContentGuidance: [{ id: 'x', resourceTypes: ['note'], title: 't', body: 'b' }] }, 'bad.json');
    expect(bad.errors.map((e) => e.path)).to.deep.equal(['$.aiContentGuidance[0].resourceTypes[0]']);
  });
});
