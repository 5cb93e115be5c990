// A CDS Hooks 2.0 service for the sandbox (development, demos and tests only): on patient-view it answers with a
// card when the patient's synthetic sepsis-model output is at or above the model's alert threshold, and it keeps
// the feedback it receives so tests can see it arrived. The card names the model (source.topic) so ehr-guide
// attaches the model card's explainer; it carries a suggestion, override reasons and a SMART link back to the
// ehr-guide app.
import { randomUUID } from 'node:crypto';
import { MODEL_SCORE_EXTENSION } from './fhir-data.mjs';

export const SEPSIS_SERVICE_ID = 'ehr-guide-sepsis';
const ALERT_THRESHOLD = 6; // the example sepsis model card's alert threshold

export function createCdsService({ read, baseUrl }) {
  const feedback = [];

  function discovery() {
    return {
      services: [
        {
          hook: 'patient-view',
          id: SEPSIS_SERVICE_ID,
          title: 'Example sepsis alert (synthetic training data)',
          description: 'Shows a card when the example sepsis model scored the patient at or above its alert threshold.',
          prefetch: { patient: 'Patient/{{context.patientId}}' },
        },
      ],
    };
  }

  async function patientView(request) {
    if (request?.hook !== 'patient-view') return { status: 400, body: { error: `this service answers patient-view, not ${JSON.stringify(request?.hook)}` } };
    const patientId = request.context?.patientId;
    if (typeof patientId !== 'string') return { status: 400, body: { error: 'context.patientId is required' } };
    const ra = await read('RiskAssessment', `sepsis-${patientId}`).catch(() => null);
    const score = ra?.prediction?.[0]?.extension?.find((e) => e.url === MODEL_SCORE_EXTENSION)?.valueDecimal;
    if (typeof score !== 'number' || score < ALERT_THRESHOLD) return { status: 200, body: { cards: [] } };
    return {
      status: 200,
      body: {
        cards: [
          {
            uuid: randomUUID(),
            summary: 'Possible sepsis: the sepsis model flagged this patient',
            indicator: 'warning',
            detail: `The example sepsis model scored this patient **${score}** (alert threshold ${ALERT_THRESHOLD}).\n\n- Assess the patient at the bedside\n- Check the vital signs and laboratory values are current\n\nSynthetic training output: not a real patient or model.`,
            source: {
              label: 'Example sepsis service (sandbox)',
              url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8218233',
              topic: { system: 'https://ehr-guide.example/model-cards', code: 'example-sepsis-model', display: 'Example sepsis prediction model' },
            },
            suggestions: [
              {
                label: 'Order serum lactate',
                uuid: randomUUID(),
                isRecommended: true,
                actions: [{ type: 'create', description: 'Order serum lactate', resource: { resourceType: 'ServiceRequest', status: 'draft', intent: 'proposal', code: { text: 'Lactate, serum' }, subject: { reference: `Patient/${patientId}` } } }],
              },
            ],
            overrideReasons: [
              { system: 'https://ehr-guide.example/cds-override-reasons', code: 'not-septic', display: 'Not septic on assessment' },
              { system: 'https://ehr-guide.example/cds-override-reasons', code: 'already-treated', display: 'Already being treated for sepsis' },
              { system: 'https://ehr-guide.example/cds-override-reasons', code: 'data-wrong', display: 'The data the score used is wrong' },
            ],
            links: [
              { label: 'Explain this alert (ehr-guide)', url: `${baseUrl()}/app/launch.html`, type: 'smart', appContext: JSON.stringify({ riskAssessment: `RiskAssessment/sepsis-${patientId}` }) },
              { label: 'External validation of the model (Wong 2021)', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8218233', type: 'absolute' },
            ],
            extension: { [MODEL_SCORE_EXTENSION]: score },
          },
        ],
      },
    };
  }

  return {
    feedback,
    /** Handles /cds-services routes; returns a { status, body } or null for anything else. */
    async handle(method, path, body) {
      if (path === '/cds-services' && method === 'GET') return { status: 200, body: discovery() };
      if (path === `/cds-services/${SEPSIS_SERVICE_ID}` && method === 'POST') return patientView(body);
      if (path === `/cds-services/${SEPSIS_SERVICE_ID}/feedback` && method === 'POST') {
        const entries = Array.isArray(body?.feedback) ? body.feedback : null;
        if (!entries || entries.some((f) => typeof f?.card !== 'string' || !['accepted', 'overridden'].includes(f?.outcome))) {
          return { status: 400, body: { error: 'feedback must be { feedback: [{ card, outcome: accepted|overridden, … }] }' } };
        }
        feedback.push(...entries);
        return { status: 200, body: {} };
      }
      return null;
    },
  };
}
