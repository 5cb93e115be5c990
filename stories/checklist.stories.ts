import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-guide.js';
import '../src/define/ehr-checklist.js';
import type { EhrGuide } from '../src/components/guide/guide.js';
import { memoryStorage } from '../src/core/progress/storage.js';
import { ehrScreen } from './ehr-screen.js';

// An inline pack: a new resident's first week — a tour, a lesson and tasks.
const pack = {
  format: 'ehr-guide-pack/1',
  id: 'story-checklist',
  version: '1.0.0',
  title: 'Story checklist',
  locale: 'en',
  items: [
    { kind: 'tour', id: 'story.tour', version: '1.0.0', title: 'The order form', reviewBy: '2030-01-01', body: 'x', unsolicited: false, steps: [{ selector: '#med', title: 'Medication', body: 'Search by generic name.' }] },
    { kind: 'lesson', id: 'story.lesson', version: '1.0.0', title: 'Reading a risk score', reviewBy: '2030-01-01', body: 'PPV depends on prevalence.', passMark: 1, questions: [{ id: 'q', prompt: 'Prevalence falls. What happens to PPV?', type: 'single', options: [{ id: 'up', text: 'It rises' }, { id: 'down', text: 'It falls', correct: true }] }] },
    {
      kind: 'checklist',
      id: 'story.week-one',
      version: '1.0.0',
      title: 'New resident: your first week',
      reviewBy: '2030-01-01',
      body: 'x',
      entries: [
        { id: 'tour', item: 'story.tour' },
        { id: 'lesson', item: 'story.lesson' },
        { id: 'sign', title: 'Sign an order on your own', description: 'Any order counts.', doneWhen: { workflow: 'order-sign' } },
        { id: 'templates', title: 'Set up your note templates', description: 'Ask your chief resident for the unit’s templates.' },
      ],
    },
  ],
};

const meta: Meta = {
  title: 'Elements/ehr-checklist',
  component: 'ehr-checklist',
  render: () => html`<ehr-guide user-role="resident" .storage=${memoryStorage()}>${ehrScreen()}<div style="padding:16px;max-width:32rem"><ehr-checklist item="story.week-one"></ehr-checklist></div></ehr-guide>`,
  play: async ({ canvasElement }) => {
    (canvasElement.querySelector('ehr-guide') as EhrGuide).engine.addPack(pack, 'story-checklist');
    await waitFor(() => expect(canvasElement.querySelector('ehr-checklist')!.shadowRoot!.querySelector('[part="progress-text"]')).not.toBeNull());
  },
};
export default meta;
type Story = StoryObj;

/** Nothing done yet. */
export const NotStarted: Story = {};

/** Part done: a task ticked and a workflow point reached. */
export const PartDone: Story = {
  play: async (context) => {
    await meta.play!(context);
    const list = context.canvasElement.querySelector('ehr-checklist')!;
    (context.canvasElement.querySelector('ehr-guide') as EhrGuide).workflow = 'order-sign';
    await waitFor(() => expect(list.shadowRoot!.querySelector('[part="progress-text"]')!.textContent).toBe('1 of 4 done'));
    list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-entry="templates"] [part="entry-button"]')!.click();
    await waitFor(() => expect(list.shadowRoot!.querySelector('[part="progress-text"]')!.textContent).toBe('2 of 4 done'));
  },
};

/** In Spanish. */
export const Spanish: Story = { globals: { locale: 'es' } };

/** Right to left. */
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
