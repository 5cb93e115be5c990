// Renders every Storybook story in headless Chromium (Debian's) through addon-vitest; axe runs on each story
// (parameters.a11y.test = 'error') and a console error fails it (.storybook/vitest.setup.ts).
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';

const executablePath = ensureChromium();

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
});
