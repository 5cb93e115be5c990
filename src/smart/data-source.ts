import type Client from 'fhirclient/lib/Client';
import type { ContextPatch } from '../core/context/context.js';
import type { GuideDataSource } from '../core/context/data-source.js';
import type { FhirResource } from '../core/context/fhir-types.js';
import { SmartError, toSmartError } from './errors.js';

export interface SmartDataOptions {
  /** Resources read per type at most (paging stops there). */
  maxPerType?: number;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  /** Called for a resource type that could not be read: the rest of the context still loads. */
  onPartialFailure?: (error: SmartError) => void;
}

import type { FhirContextEntry } from './ai-context.js';

/** The SMART launch context that arrived with the access token, beyond patient and encounter. */
export interface LaunchExtras {
  fhirContext?: FhirContextEntry[];
  intent?: string;
  needPatientBanner?: boolean;
  smartStyleUrl?: string;
  tenant?: string;
  locale?: string;
  fhirUser?: string;
}

export function launchExtras(client: Client): LaunchExtras {
  const t = (client.getState('tokenResponse') ?? {}) as Record<string, unknown>;
  return {
    fhirContext: Array.isArray(t.fhirContext) ? (t.fhirContext as LaunchExtras['fhirContext']) : undefined,
    intent: typeof t.intent === 'string' ? t.intent : undefined,
    needPatientBanner: typeof t.need_patient_banner === 'boolean' ? t.need_patient_banner : undefined,
    smartStyleUrl: typeof t.smart_style_url === 'string' ? t.smart_style_url : undefined,
    tenant: typeof t.tenant === 'string' ? t.tenant : undefined,
    locale: typeof t.locale === 'string' ? t.locale : undefined,
    fhirUser: client.user.fhirUser ?? undefined,
  };
}

const NOT_IN_PATIENT_COMPARTMENT = new Set(['Medication']);

/**
 * The Medications the orders name by relative or absolute reference (contained ones travel inside the order),
 * read with `_id` searches of up to 50 ids.
 */
async function referencedMedications(orders: readonly FhirResource[], search: (url: string) => Promise<FhirResource[]>): Promise<FhirResource[]> {
  const ids = new Set<string>();
  for (const order of orders) {
    const reference = (order as { medicationReference?: { reference?: string } }).medicationReference?.reference ?? '';
    const id = /(?:^|\/)Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference)?.[1];
    if (id && id !== '.' && id !== '..') ids.add(id);
  }
  const all = [...ids];
  const out: FhirResource[] = [];
  for (let i = 0; i < all.length; i += 50) {
    const list = await search(`Medication?_id=${all.slice(i, i + 50).map(encodeURIComponent).join(',')}`);
    out.push(...(Array.isArray(list) ? list : []).filter((r) => r?.resourceType === 'Medication'));
  }
  return out;
}

/**
 * A GuideDataSource over a fhirclient Client: the patient, the encounter, the user (fhirUser → Practitioner or
 * PractitionerRole, and the Practitioner's roles), and only the resource types the packs' conditions read, in
 * parallel, with paging and a cap. The elements never call fhirclient; `<ehr-guide>` calls `load`.
 */
export function smartDataSource(client: Client, options: SmartDataOptions = {}): GuideDataSource {
  const max = options.maxPerType ?? 500;
  const timeoutMs = options.timeoutMs ?? 15_000;

  const request = async <T>(url: string, what: string, signal?: AbortSignal): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort);
    try {
      return (await client.request<T>({ url, signal: controller.signal }, { pageLimit: Math.ceil(max / 100), flat: true })) as T;
    } catch (error) {
      if (controller.signal.aborted && !signal?.aborted) throw new SmartError('timeout', `${what}: timed out after ${timeoutMs} ms`);
      throw toSmartError(error, what);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };

  return {
    async load({ resourceTypes, signal }): Promise<ContextPatch> {
      const patientId = client.patient.id;
      if (!patientId) throw new SmartError('invalid', 'the launch has no patient in context');
      const extras = launchExtras(client);
      const userRef = extras.fhirUser?.replace(/^.*\/((Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/[^/]+)$/, '$1');
      const [patient, encounter, user, ...lists] = await Promise.all([
        request<FhirResource>(`Patient/${patientId}`, 'Patient', signal),
        client.encounter.id ? request<FhirResource>(`Encounter/${client.encounter.id}`, 'Encounter', signal).catch((e: SmartError) => (options.onPartialFailure?.(e), undefined)) : undefined,
        userRef ? request<FhirResource>(userRef, 'user', signal).catch((e: SmartError) => (options.onPartialFailure?.(e), undefined)) : undefined,
        // Medication is not in the Patient compartment (it has no patient search parameter): the orders'
        // Medications are read by reference below, never searched for.
        ...resourceTypes.filter((type) => !NOT_IN_PATIENT_COMPARTMENT.has(type)).map((type) =>
          request<FhirResource[]>(`${type}?patient=Patient/${encodeURIComponent(patientId)}&_count=100`, type, signal)
            .then((list) => [type, (Array.isArray(list) ? list : []).filter((r) => r?.resourceType === type).slice(0, max)] as const)
            .catch((error: SmartError) => {
              if (error.kind === 'unauthorized') throw error;
              options.onPartialFailure?.(error);
              return [type, null] as const;
            }),
        ),
      ]);
      const resources: Record<string, FhirResource[] | null> = Object.fromEntries(lists);
      if (resourceTypes.includes('Medication')) {
        resources.Medication = await referencedMedications([...(resources.MedicationRequest ?? []), ...(resources.MedicationStatement ?? [])], (url) => request<FhirResource[]>(url, 'Medication', signal)).catch((error: SmartError) => {
          if (error.kind === 'unauthorized') throw error;
          options.onPartialFailure?.(error);
          return null;
        });
      }
      // The signed-in practitioner's roles tell the engine who is looking (physician, nurse, pharmacist…).
      if (user?.resourceType === 'Practitioner') {
        const roles = await request<FhirResource[]>(`PractitionerRole?practitioner=Practitioner/${encodeURIComponent(user.id ?? '')}`, 'PractitionerRole', signal).catch(() => []);
        resources.PractitionerRole = Array.isArray(roles) ? roles : [];
      } else if (user?.resourceType === 'PractitionerRole') {
        resources.PractitionerRole = [user];
      }
      return {
        patient,
        encounter: encounter ?? null,
        user: user ?? null,
        resources,
        ...(extras.locale ? { locale: extras.locale } : {}),
        launch: { fhirContext: extras.fhirContext, intent: extras.intent, needPatientBanner: extras.needPatientBanner, tenant: extras.tenant },
      };
    },
  };
}
