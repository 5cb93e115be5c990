// custom-elements.json: the public API of ehr-guide's elements, and nothing else. Read by Storybook's autodocs,
// framework wrappers and IDEs, so it must be true: only modules that declare an element, only public members,
// each event with its detail type (from `@fires {CustomEvent<Detail>} name - …` in the element's JSDoc).
// (Lit's `static properties` reader marks the members it finds `privacy: 'public'`.)
const isPublic = (member) => (!member.privacy || member.privacy === 'public') && !member.name.startsWith('#') && !member.static;

/** Keeps the modules that declare an element, and of each element its public API only. */
function onlyElements() {
  return {
    name: 'ehr-guide-only-elements',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules
        .map((module) => ({ ...module, declarations: (module.declarations ?? []).filter((d) => d.customElement && d.tagName), exports: (module.exports ?? []).filter((e) => e.kind === 'js') }))
        .filter((module) => module.declarations.length > 0)
        .map((module) => {
          for (const element of module.declarations) {
            element.members = (element.members ?? []).filter(isPublic);
            for (const member of element.members) if (member.privacy === 'public') delete member.privacy;
            element.attributes = (element.attributes ?? []).filter((a) => !a.fieldName || element.members.some((m) => m.name === a.fieldName));
            element.events = (element.events ?? []).filter((e) => e.name && e.name.startsWith('ehr-'));
            delete element.superclass; // GuideElement is internal; every element is a LitElement
          }
          module.exports = module.exports.filter((e) => module.declarations.some((d) => d.name === e.declaration?.name));
          return module;
        });
    },
  };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

const VUE_TYPES = './dist/vue/index.d.ts';

/**
 * The Vue types name each event `CustomEvent<…>` around the manifest's type, which is already
 * `CustomEvent<Detail>`, and do not import the detail types: unwrap once and import them from events.d.ts.
 */
function vueEventTypes() {
  return {
    name: 'ehr-guide-vue-event-types',
    packageLinkPhase() {
      if (!existsSync(VUE_TYPES)) return;
      let text = readFileSync(VUE_TYPES, 'utf8').replace(/CustomEvent<CustomEvent<(\w+)>>/g, 'CustomEvent<$1>');
      const details = [...new Set([...text.matchAll(/CustomEvent<(Ehr\w+)>/g)].map((m) => m[1]))].sort();
      text = text.replace('import type { DefineComponent } from "vue";', `import type { DefineComponent } from "vue";\nimport type { ${details.join(', ')} } from "../events.js";`);
      writeFileSync(VUE_TYPES, text);
    },
  };
}

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.render.ts', 'src/components/shared/**', 'src/components/popup/**'],
  litelement: true,
  plugins: [
    onlyElements(),
    // Vue 3 template types (props, events with their detail types) for every element: dist/vue/index.d.ts, `ehr-guide/vue`.
    customElementVuejsPlugin({ outdir: './dist/vue', fileName: 'index.d.ts', componentTypePath: (_name, tag) => `../components/${tag.slice(4)}/${tag.slice(4)}.js`, hideLogs: true }),
    vueEventTypes(),
  ],
};
