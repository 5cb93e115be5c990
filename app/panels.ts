// The app's own small panels around the library's elements: the patient banner, the role (where it came from,
// and a way to change it), content the granted scope leaves out, and the item a launch's `intent` names.
import type { EhrGuide } from '../src/components/guide/guide.js';
import type { FhirResource } from '../src/core/context/fhir-types.js';
import type { LoadedItem } from '../src/core/packs/load-pack.js';
import { ROLES, type Role } from '../src/core/packs/schema.js';
import { roleOfUser, type RoleCodes } from '../src/core/context/roles.js';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

/** The patient banner (SMART: shown unless the EHR says `need_patient_banner: false`), from the record already read. */
export function showBanner(banner: HTMLElement, patient: FhirResource | undefined): void {
  if (!patient) return;
  const p = patient as { name?: Array<{ given?: string[]; family?: string; text?: string }>; gender?: string; birthDate?: string };
  const name = p.name?.[0];
  const full = name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ');
  banner.textContent = `${full.replace(/\d+/g, '').trim() || 'Unnamed patient'} · ${p.gender ?? 'gender unknown'} · born ${p.birthDate ?? 'unknown'}`;
  banner.hidden = false;
}

const SOURCE_WORDS = {
  PractitionerRole: 'from your PractitionerRole in the EHR',
  'Practitioner.qualification': 'from your qualification in the EHR',
  fhirUser: 'from the kind of user the EHR signed in',
  configuration: "from this site's default",
  none: 'the EHR did not say',
} as const;

/** The role in force, where it came from, and a select to change it (guidance for other roles then applies). */
export function showRole(target: HTMLElement, guide: EhrGuide, roles?: { codes?: RoleCodes; default?: Role }): void {
  const context = guide.engine.context;
  const { role, source } = roleOfUser(context.user, context.resources.PractitionerRole ?? [], { codes: roles?.codes, fallback: roles?.default });
  if (role) guide.userRole = role;
  const select = el('select', { id: 'role-select', 'aria-describedby': 'role-source' });
  select.append(el('option', { value: '' }, 'Choose…'), ...ROLES.map((r) => el('option', { value: r }, r)));
  select.value = role ?? '';
  select.addEventListener('change', () => (guide.userRole = (select.value || undefined) as Role | undefined));
  const label = el('label', { for: 'role-select' }, 'Your role');
  target.replaceChildren(label, ' ', select, ' ', el('small', { id: 'role-source', 'data-source': source }, role ? SOURCE_WORDS[source] : `${SOURCE_WORDS.none}: choose yours`));
  target.hidden = false;
}

/** Items whose conditions read a resource type the granted scope does not cover: listed as unavailable. */
export function showUnavailable(target: HTMLElement, items: readonly LoadedItem[], reads: Map<string, string[]>, granted: (type: string) => boolean): void {
  const missing = items.map((item) => ({ item, types: (reads.get(item.id) ?? []).filter((t) => !granted(t)) })).filter((x) => x.types.length);
  if (!missing.length) return;
  const section = el('section', { id: 'unavailable', 'aria-labelledby': 'unavailable-h' }, el('h2', { id: 'unavailable-h' }, 'Not available with the access the EHR granted'));
  const list = el('ul');
  for (const { item, types } of missing) list.append(el('li', { 'data-item': item.id }, `${item.title} (needs ${types.join(', ')})`));
  section.append(list);
  target.append(section);
}

/** The pack item a launch's `intent` names, opened first. */
export function showIntent(item: LoadedItem, guide: EhrGuide): void {
  const section = el('section', { id: 'intent', 'aria-labelledby': 'intent-h' }, el('h2', { id: 'intent-h' }, 'You opened ehr-guide for'));
  if (item.kind === 'tip') section.append(el('ehr-tip', { item: item.id, variant: 'callout' }));
  else if (item.kind === 'lesson') section.append(el('ehr-lesson', { item: item.id }));
  else section.append(el('p', {}, item.title));
  guide.prepend(section);
}
