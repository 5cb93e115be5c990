import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-ai-badge.js';
import type { EhrAiBadge } from '../src/components/ai-badge/ai-badge.js';
// HL7 AI Transparency on FHIR examples (test/fixtures/ai-transparency/PROVENANCE.md).
import note from '../test/fixtures/ai-transparency/DocumentReference-ambient-note.json';
import noteProvenance from '../test/fixtures/ai-transparency/Provenance-ambient-note-ai.json';
import theAi from '../test/fixtures/ai-transparency/Device-TheAI.json';
import f206 from '../test/fixtures/ai-transparency/Observation-f206.json';
import contributed from '../test/fixtures/ai-transparency/Provenance-AI-Contributed.json';
import suggested from '../test/fixtures/ai-transparency/Condition-suggested-problem.json';
import nowhere from '../test/fixtures/ai-transparency/Provenance-points-nowhere.json';
import satO2 from '../test/fixtures/ai-transparency/Observation-satO2.json';
import attached from '../test/fixtures/ai-transparency/Device-Attached-ModelCard.json';
import chaiCard from '../test/fixtures/ai-transparency/DocumentReference-ModelCard-sample-CHAI-attached.json';

const chaiDevice = { ...attached, id: 'chai-device', extension: [attached.extension[0], { url: 'http://hl7.org/fhir/uv/aitransparency/StructureDefinition/aitransparency.modelCardDescription', valueReference: { reference: 'DocumentReference/ModelCard-sample-CHAI-attached' } }] };
const badgeIn = (canvas: HTMLElement) => canvas.querySelector('ehr-ai-badge') as EhrAiBadge;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

type Args = { resource: unknown; related: unknown[]; expanded: boolean; element?: string };
const meta: Meta<Args> = {
  title: 'Elements/ehr-ai-badge',
  component: 'ehr-ai-badge',
  args: { resource: note, related: [noteProvenance, theAi], expanded: false },
  render: (args) => html`<div style="padding:16px;max-width:40rem">
    <p>Progress note, 30 Nov <ehr-ai-badge .resource=${args.resource} .related=${args.related} ?expanded=${args.expanded} element=${args.element ?? ''}></ehr-ai-badge></p>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** An AI-drafted note nobody has verified yet: a dashed badge. */
export const DraftedNote: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(badgeIn(canvasElement).shadowRoot!.querySelector('[part="badge"]')!.textContent).toContain('AI-drafted'));
  },
};

/** Opened: who made it, what kind of AI, when, not verified; accept / edit / reject. */
export const DraftedNoteOpened: Story = { args: { expanded: true }, play: DraftedNote.play };

/** A lab result an AI authored and a clinician verified (the guide's AI-Contributed example). */
export const VerifiedResult: Story = {
  args: { resource: f206, related: [contributed, theAi], expanded: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(badgeIn(canvasElement))).toContain('verified by'));
  },
};

/** The model card the AI Device names, in CHAI model-card XML. */
export const WithChaiModelCard: Story = {
  args: { resource: { ...satO2, device: { reference: 'Device/chai-device' } }, related: [chaiDevice, chaiCard], expanded: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(badgeIn(canvasElement))).toContain('BriefCase-Triage'));
  },
};

/** A suggested problem whose Provenance names an AI system the chart does not hold: "cannot tell who produced this". */
export const CannotTellWhoProducedIt: Story = {
  args: { resource: suggested, related: [nowhere], expanded: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(badgeIn(canvasElement))).toContain('Cannot tell who produced this'));
  },
};

/** In Spanish. */
export const Spanish: Story = {
  args: { expanded: true },
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(text(badgeIn(canvasElement))).toContain('Redactado por IA'));
  },
};

/** Right to left. */
export const RightToLeft: Story = { ...DraftedNoteOpened, globals: { dir: 'rtl' } };
