import { expect } from '@open-wc/testing';
import { aiOutputRequest } from '../../src/smart/ai-context.js';

describe('the AI output a SMART launch names (fhirContext)', () => {
  it('reads SMART 2.1 objects, absolute and versioned references, and 2.0-era strings', () => {
    expect(aiOutputRequest([{ reference: 'RiskAssessment/sepsis-1' }])).to.deep.equal({ url: 'RiskAssessment/sepsis-1', type: 'RiskAssessment', search: false });
    expect(aiOutputRequest([{ reference: 'https://ehr.example.org/fhir/Observation/ai-7/_history/2' }])?.url).to.equal('Observation/ai-7');
    expect(aiOutputRequest(['RiskAssessment/r1'])?.url).to.equal('RiskAssessment/r1');
    expect(aiOutputRequest([{ type: 'RiskAssessment', identifier: { system: 'urn:oid:1.2.3', value: 'abc|1' } }])).to.deep.equal({ url: 'RiskAssessment?identifier=urn%3Aoid%3A1.2.3%7Cabc%7C1&_count=1', type: 'RiskAssessment', search: true });
  });

  it('skips what is not the launch subject, and what is not an AI output', () => {
    expect(aiOutputRequest([{ reference: 'RiskAssessment/old', role: 'https://example.org/roles/previous' }, { reference: 'DiagnosticReport/1' }, { reference: 'Observation/o1', role: 'launch' }])?.url).to.equal('Observation/o1');
    expect(aiOutputRequest([{ reference: 'RiskAssessment/../../Patient/1' }, 'RiskAssessment/..', { canonical: 'http://x/Questionnaire/q' }, null as never, 42 as never])).to.equal(undefined);
    expect(aiOutputRequest(undefined)).to.equal(undefined);
  });
});
