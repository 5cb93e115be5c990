import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/themes/light.css';

// Autodocs read attributes, events, slots, parts and CSS properties from the analyzer's manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Every story is checked with axe; a violation fails its test.
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'fullscreen',
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      document.documentElement.classList.toggle('ehr-theme-dark', context.globals.theme === 'dark');
      return story();
    },
  ],
};
export default preview;
