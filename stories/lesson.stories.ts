import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define/ehr-lesson.js';
import type { EhrLesson } from '../src/components/lesson/lesson.js';
import pack from '../packs/ai-literacy.json';

const lessons = pack.items.filter((item) => item.kind === 'lesson');
const lessonIn = (canvas: HTMLElement) => canvas.querySelector('ehr-lesson') as EhrLesson;

const meta: Meta<{ lesson: string }> = {
  title: 'Elements/ehr-lesson',
  component: 'ehr-lesson',
  args: { lesson: 'lesson.reading-a-risk-score' },
  argTypes: { lesson: { control: 'inline-radio', options: lessons.map((l) => l.id) } },
  render: (args) => html`<div style="padding:16px;max-width:40rem"><ehr-lesson .lesson=${lessons.find((l) => l.id === args.lesson)}></ehr-lesson></div>`,
};
export default meta;
type Story = StoryObj<{ lesson: string }>;

/** The lesson and its questions, before answering. */
export const Unanswered: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(lessonIn(canvasElement).shadowRoot!.querySelector('[part="body"] strong')).not.toBeNull());
  },
};

/** Checked: each question marked, its feedback and the right answers shown, and the result. */
export const Checked: Story = {
  play: async ({ canvasElement }) => {
    const el = lessonIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('fieldset').length).toBeGreaterThan(0));
    for (const fieldset of el.shadowRoot!.querySelectorAll('fieldset')) fieldset.querySelector<HTMLInputElement>('input')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="check-button"]')!.click();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part="result"]')).not.toBeNull());
  },
};

/** The second example lesson (automation bias). */
export const AutomationBias: Story = { args: { lesson: 'lesson.automation-bias' } };

/** In Spanish: the lesson's own Spanish translation and the element's words. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const el = lessonIn(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('Cómo leer una puntuación de riesgo'));
    await expect(el.shadowRoot!.querySelector('[part="check-button"]')!.textContent!.trim()).toBe('Comprobar respuestas');
  },
};

/** Right to left, checked. */
export const RightToLeft: Story = { ...Checked, globals: { dir: 'rtl' } };
