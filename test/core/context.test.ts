import { expect } from '@open-wc/testing';
import { applyContext, bundleResources, createContext, resourcesByType } from '../../src/core/context/context.js';
import { roleFromConcept, roleFromPractitionerRoles } from '../../src/core/context/roles.js';
import { expressionDependencies } from '../../src/core/triggers/dependencies.js';

describe('context', () => {
  it('is immutable and versions each part that changes', () => {
    const base = createContext({ role: 'nurse', workflow: 'patient-view', locale: 'en-GB' });
    expect(Object.isFrozen(base)).to.equal(true);
    const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' };
    const { context: withPatient, changes } = applyContext(base, { patient, resources: { Condition: [{ resourceType: 'Condition', id: 'c1' }] } });
    expect([...changes].sort()).to.deep.equal(['patient', 'resource:Condition']);
    expect(withPatient.versions.patient).to.be.a('number');
    expect(base.patient).to.equal(undefined);
    expect(Object.isFrozen(patient), 'the host\'s own objects are never modified, not even frozen').to.equal(false);
    expect(() => ((withPatient.resources.Condition as unknown[]).push({}))).to.throw(TypeError);
    const conditions = [{ resourceType: 'Condition', id: 'c2' }];
    const once = applyContext(withPatient, { resources: { Condition: conditions } }).context;
    expect(applyContext(once, { resources: { Condition: conditions } }).changes.size, 'the same list again is no change').to.equal(0);
    const { context: moved, changes: c2 } = applyContext(withPatient, { workflow: 'order-sign' });
    expect([...c2]).to.deep.equal(['workflow']);
    expect(moved.versions).to.deep.equal(withPatient.versions); // data unchanged: FHIRPath results stay valid
    const { changes: none } = applyContext(moved, { workflow: 'order-sign', patient: moved.patient });
    expect(none.size).to.equal(0);
    const { context: dropped, changes: c3 } = applyContext(moved, { resources: { Condition: null } });
    expect([...c3]).to.deep.equal(['resource:Condition']);
    expect(dropped.resources).to.not.have.property('Condition');
  });

  it('a new array of the same resources is no change; a replaced or added resource is', () => {
    const c1 = { resourceType: 'Condition', id: 'c1' };
    const c2 = { resourceType: 'Condition', id: 'c2' };
    const { context } = applyContext(createContext(), { resources: { Condition: [c1, c2] } });
    expect([...applyContext(context, { resources: { Condition: [c1, c2] } }).changes]).to.deep.equal([]);
    expect([...applyContext(context, { resources: { Condition: [c1, { ...c2 }] } }).changes]).to.deep.equal(['resource:Condition']);
    expect([...applyContext(context, { resources: { Condition: [c2, c1] } }).changes]).to.deep.equal(['resource:Condition']);
    expect([...applyContext(context, { resources: { Condition: [c1] } }).changes]).to.deep.equal(['resource:Condition']);
  });

  it('rejects malformed input with errors that say what and where', () => {
    const base = createContext();
    expect(() => applyContext(base, { patient: 'Patient/1' as never })).to.throw(TypeError, 'context.patient must be a FHIR resource (an object with a resourceType), got string');
    expect(() => applyContext(base, { resources: { condition: [] } })).to.throw(TypeError, 'context.resources: "condition" is not a FHIR resource type');
    expect(() => applyContext(base, { resources: { Condition: [{ resourceType: 'Observation' }] } })).to.throw(TypeError, 'context.resources.Condition[0] is not a Condition (resourceType "Observation")');
  });

  it('groups a Bundle by resource type', async () => {
    const bundle = await (await fetch('/test/fixtures/synthea/Chet_Thompson_eda17701-070d-4fae-9f7d-c8cd6263b63a.json')).json();
    const byType = resourcesByType(bundleResources(bundle));
    expect(byType.Patient).to.have.length(1);
    expect(byType.MedicationRequest).to.have.length(2);
    expect(byType.Condition).to.have.length(4);
  });

  it('maps PractitionerRole codes and texts to audience roles', () => {
    expect(roleFromConcept({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'doctor' }] })).to.equal('physician');
    expect(roleFromConcept({ coding: [{ system: 'http://snomed.info/sct', code: '224535009' }] })).to.equal('nurse');
    expect(roleFromConcept({ text: 'Clinical Pharmacist' })).to.equal('pharmacist');
    expect(roleFromConcept({ text: 'PGY-2 Resident' })).to.equal('resident');
    expect(roleFromConcept({ text: 'Chaplain' })).to.equal(undefined);
    expect(
      roleFromPractitionerRoles([
        { resourceType: 'PractitionerRole', active: false, code: [{ coding: [{ code: 'doctor' }] }] },
        { resourceType: 'PractitionerRole', code: [{ coding: [{ code: '46255001' }] }] },
      ]),
    ).to.equal('pharmacist');
  });
});

describe('expressionDependencies', () => {
  it('lists the context parts and resource types an expression reads, ignoring string literals', () => {
    expect(expressionDependencies("%MedicationRequest.where(status = 'active').exists() and %patient.birthDate < today() and note = '%Condition'")).to.deep.equal({
      parts: ['patient', 'resource:MedicationRequest'],
      resourceTypes: ['MedicationRequest'],
      directTypes: ['MedicationRequest'],
      unknownVariables: [],
    });
    expect(expressionDependencies('%encounter.class.code = \'IMP\' and %foo.exists() and %ucum.exists()')).to.deep.equal({
      parts: ['encounter', 'patient'],
      resourceTypes: [],
      directTypes: [],
      unknownVariables: ['foo'],
    });
  });
});
