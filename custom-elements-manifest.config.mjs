// custom-elements.json: the public API of ehr-guide's elements, and nothing else. Read by Storybook's autodocs,
// framework wrappers and IDEs, so it must be true: only modules that declare an element, only public members,
// each event with its detail type (from `@fires {CustomEvent<Detail>} name - …` in the element's JSDoc).
const isPublic = (member) => !member.privacy && !member.name.startsWith('#') && !member.static;

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

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.render.ts', 'src/components/shared/**', 'src/components/popup/**'],
  litelement: true,
  plugins: [onlyElements()],
};
