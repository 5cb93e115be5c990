import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import light from '../src/themes/light.css?raw';
import dark from '../src/themes/dark.css?raw';
import highContrast from '../src/themes/high-contrast.css?raw';

// Autodocs read attributes, events, slots, parts and CSS properties from the analyzer's manifest.
setCustomElementsManifest(manifest);

// The example themes, each under its class only (the files also apply at :root, for pages that link one).
const THEMES = { light, dark, 'high-contrast': highContrast } as const;
const sheet = document.createElement('style');
sheet.textContent = Object.values(THEMES)
  .map((css) => css.replace(/:root,\s*/g, ''))
  .join('\n');
document.head.append(sheet);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Every story is checked with axe against WCAG 2.0–2.2 A and AA (and axe's best practices); a violation fails
    // its test.
    a11y: { test: 'error', options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } } },
    controls: { expanded: true },
    layout: 'fullscreen',
  },
  // The toolbar: applied to every story (and settable per story, as the Spanish and right-to-left ones do).
  globalTypes: {
    theme: { description: 'Colour theme', toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark', 'high-contrast'], dynamicTitle: true } },
    dir: { description: 'Text direction', toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'Left to right' }, { value: 'rtl', title: 'Right to left' }], dynamicTitle: true } },
    locale: { description: 'Language of the elements (the page lang)', toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'es', title: 'Español' }], dynamicTitle: true } },
    motion: { description: 'Motion (--ehr-motion)', toolbar: { title: 'Motion', icon: 'play', items: [{ value: 'full', title: 'Full motion' }, { value: 'reduce', title: 'Reduced motion' }], dynamicTitle: true } },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', locale: 'en', motion: 'full' },
  decorators: [
    (story, context) => {
      const root = document.documentElement;
      for (const name of Object.keys(THEMES)) root.classList.toggle(`ehr-theme-${name}`, context.globals.theme === name);
      root.dir = context.globals.dir === 'rtl' ? 'rtl' : 'ltr';
      root.lang = context.globals.locale || 'en';
      if (context.globals.motion === 'reduce') root.style.setProperty('--ehr-motion', 'reduce');
      else root.style.removeProperty('--ehr-motion');
      return story();
    },
  ],
};
export default preview;
