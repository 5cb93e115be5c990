import { expect } from '@open-wc/testing';
import { clientIdFor, packUrls, parseAppConfig } from '../../src/smart/app-config.js';
import { grantsRead, scopesFor, scopeVersionOf, ungrantedTypes } from '../../src/smart/scopes.js';
import { itemReads, packReads } from '../../src/smart/pack-reads.js';
import { checkRedirect } from '../../src/smart/ready.js';
import { describeSmartError, kindOfOAuthError, SmartError } from '../../src/smart/errors.js';
import { roleOfUser } from '../../src/core/context/roles.js';

const packs = async () => Promise.all(['ehr-skills', 'ai-literacy', 'model-cards'].map(async (p) => (await fetch(`/packs/${p}.json`)).json()));
const kindOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof SmartError ? error.kind : `not a SmartError: ${(error as Error).message}`;
  }
};

describe('the SMART app configuration', () => {
  it('takes a valid file, and names every wrong field with its path', () => {
    const good = parseAppConfig({ clientId: 'ehr-guide', clients: { 'https://ehr.example/fhir/': 'site-a' }, packs: ['packs/a.json'], scopes: { version: 'v1' }, prevalences: { m: 0.04 }, roles: { codes: { 'urn:x|42': 'nurse' }, default: 'physician' }, locale: 'es-MX' });
    expect(good.problems).to.deep.equal([]);
    expect(clientIdFor(good.config!, 'https://ehr.example/fhir')).to.equal('site-a');
    expect(clientIdFor(good.config!, 'https://other.example/fhir')).to.equal('ehr-guide');
    expect(packUrls(good.config!, 'https://cdn.example/app/ehr-guide.config.json')).to.deep.equal(['https://cdn.example/app/packs/a.json']);
    expect(good.config!.scopes.onlineAccess).to.equal(false);
    const bad = parseAppConfig({ clientId: '', packs: [], scopes: { version: 'v3', onlineAccess: 'yes' }, lrs: { endpoint: 'javascript:alert(1)' }, prevalences: { m: 4 }, roles: { default: 'wizard' }, locale: 'english please', surprise: true });
    const paths = bad.problems.map((p) => p.path);
    for (const path of ['$.clientId', '$.packs', '$.scopes.version', '$.scopes.onlineAccess', '$.lrs.endpoint', '$.prevalences.m', '$.roles.default', '$.locale', '$.surprise']) expect(paths, path).to.include(path);
    expect(bad.problems.find((p) => p.path === '$.prevalences.m')!.message).to.match(/between 0 and 1/);
  });
});

describe('least-privilege scopes', () => {
  it('derives granular scopes from what the packs read; user scopes and online_access only when needed', async () => {
    const reads = packReads(await packs());
    expect(reads.resourceTypes).to.deep.equal(['Condition', 'Medication', 'MedicationRequest', 'MedicationStatement', 'Observation', 'RiskAssessment']);
    expect(reads.userContext, 'the example packs have items for roles').to.equal(true);
    const ehr = scopesFor({ ...reads, ehrLaunch: true, onlineAccess: true, version: 'v2' }).split(' ');
    expect(ehr).to.include.members(['launch', 'openid', 'fhirUser', 'patient/Patient.rs', 'patient/Encounter.rs', 'patient/Observation.rs', 'user/Practitioner.rs', 'user/PractitionerRole.rs', 'online_access']);
    expect(ehr.some((s) => s.includes('*'))).to.equal(false);
    const standalone = scopesFor({ resourceTypes: ['Condition'], userContext: false, ehrLaunch: false, onlineAccess: true, version: 'v1' });
    expect(standalone).to.equal('launch/patient patient/Condition.read patient/Patient.read'); // no user scopes, no online_access outside an EHR launch
    expect(packReads([{ items: [{ id: 'x', when: { conditions: ['%Condition.exists()'] } }] }]).userContext).to.equal(false);
    expect(packReads([{ items: [] }], { learningRecords: true }).userContext, 'learning records need a learner').to.equal(true);
    expect(scopeVersionOf({ capabilities: ['permission-v1'] })).to.equal('v1');
    expect(scopeVersionOf({ capabilities: ['permission-v1', 'permission-v2'] })).to.equal('v2');
    expect(scopeVersionOf(undefined)).to.equal('v2');
  });

  it('reads the granted scope back: which types it covers', async () => {
    const requested = 'launch patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs';
    expect(ungrantedTypes('launch patient/Patient.rs patient/Observation.rs', requested, ['Observation', 'MedicationRequest'])).to.deep.equal(['MedicationRequest']);
    expect(ungrantedTypes(undefined, requested, ['Observation', 'MedicationRequest']), 'no scope in the token response: as requested').to.deep.equal([]);
    expect(grantsRead('patient/*.read', '', 'Condition')).to.equal(true);
    expect(grantsRead('user/Observation.rs', '', 'Observation')).to.equal(true);
    expect(grantsRead('patient/Observation.rs?category=laboratory', '', 'Observation')).to.equal(true);
    expect(grantsRead('patient/Observation.c', '', 'Observation')).to.equal(false);
    expect(grantsRead('system/Observation.rs', '', 'Observation')).to.equal(false);
    const reads = itemReads(await packs());
    expect(reads.get('results.metformin-renal')).to.include.members(['Condition', 'MedicationRequest', 'Observation']);
  });
});

describe('the redirect, checked before anything else', () => {
  afterEach(() => sessionStorage.clear());

  it('refuses a state this browser did not start, even when the redirect carries an error', () => {
    expect(kindOf(() => checkRedirect('?code=abc&state=forged'))).to.equal('state-mismatch');
    expect(kindOf(() => checkRedirect('?error=access_denied&state=forged'))).to.equal('state-mismatch');
    expect(kindOf(() => checkRedirect('?code=abc'))).to.equal('state-mismatch');
  });

  it('names the cause of an error the EHR sent back to a launch started here', () => {
    sessionStorage.setItem('s1', JSON.stringify({ serverUrl: 'https://ehr.example/fhir' }));
    expect(kindOf(() => checkRedirect('?error=access_denied&state=s1'))).to.equal('denied');
    expect(kindOf(() => checkRedirect('?error=unauthorized_client&state=s1'))).to.equal('client-unknown');
    expect(kindOf(() => checkRedirect('?error=invalid_scope&state=s1'))).to.equal('scope-refused');
    expect(kindOf(() => checkRedirect('?code=abc&state=s1'))).to.equal('ok');
  });

  it('a page opened without a launch says so; a reload of a live session goes on', () => {
    expect(kindOf(() => checkRedirect(''))).to.equal('no-launch');
    sessionStorage.setItem('s2', JSON.stringify({ tokenResponse: { access_token: 't' } }));
    sessionStorage.setItem('SMART_KEY', JSON.stringify('s2'));
    expect(kindOf(() => checkRedirect(''))).to.equal('ok');
  });

  it('maps token-endpoint errors, and has one sentence with what to do for each cause', () => {
    expect(kindOfOAuthError('invalid_client')).to.equal('client-unknown');
    expect(kindOfOAuthError('invalid_grant', 'redirect_uri does not match')).to.equal('redirect-mismatch');
    expect(kindOfOAuthError('invalid_grant', 'expired code')).to.equal('launch-expired');
    expect(describeSmartError('client-unknown')).to.match(/administrator.*client id/);
    expect(describeSmartError('redirect-mismatch')).to.match(/redirect URI/);
    expect(describeSmartError('no-launch')).to.match(/Open it from the patient's chart/);
    expect(describeSmartError('unauthorized')).not.to.equal(describeSmartError('client-unknown'));
  });
});

describe("the user's role", () => {
  const practitioner = (qualification?: unknown) => ({ resourceType: 'Practitioner', id: 'p', ...(qualification ? { qualification } : {}) });
  it('from PractitionerRole, else Practitioner.qualification, else the kind of user, else the configured default', () => {
    const role = { resourceType: 'PractitionerRole', id: 'r', code: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'pharmacist' }] }] };
    expect(roleOfUser(practitioner(), [role])).to.deep.equal({ role: 'pharmacist', source: 'PractitionerRole' });
    const np = [{ code: { coding: [{ system: 'http://snomed.info/sct', code: '224571005', display: 'Nurse practitioner' }] } }];
    expect(roleOfUser(practitioner(np), [])).to.deep.equal({ role: 'nurse', source: 'Practitioner.qualification' });
    expect(roleOfUser({ resourceType: 'Patient', id: 'x' }, [])).to.deep.equal({ role: 'other', source: 'fhirUser' });
    expect(roleOfUser(practitioner(), [], { fallback: 'resident' })).to.deep.equal({ role: 'resident', source: 'configuration' });
    expect(roleOfUser(practitioner(), [])).to.deep.equal({ source: 'none' });
    // A site's own codes come first.
    const local = [{ code: { coding: [{ system: 'urn:site', code: 'RPH2' }] } }];
    expect(roleOfUser(practitioner(local), [], { codes: { 'urn:site|RPH2': 'pharmacist' } }).role).to.equal('pharmacist');
  });
});
