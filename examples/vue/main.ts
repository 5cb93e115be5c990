// A minimal Vue 3 host of ehr-guide: the same order form as the React example. Vue's template compiler is told
// that ehr-* tags are custom elements (`compilerOptions.isCustomElement`); `.tour` binds an object as a property;
// `@ehr-tip-dismiss` hears the element's event. `ehr-guide/vue` types these in templates (see README).
import { createApp, ref } from 'vue';
import 'ehr-guide/define/ehr-tip.js';
import 'ehr-guide/define/ehr-tour.js';
import type { EhrTipDismissDetail, EhrTourStepDetail } from 'ehr-guide';

const TOUR = {
  kind: 'tour',
  id: 'tour.vue-order',
  version: '1.0.0',
  title: 'Ordering in Vue',
  reviewBy: '2099-12-31',
  body: 'The order form in two steps.',
  steps: [
    { selector: '#drug', title: 'Medication', body: 'Search by generic name.' },
    { selector: '#sign', title: 'Sign', body: 'Signing sends the order to pharmacy.' },
  ],
};

const app = createApp({
  setup() {
    const renders = ref(0);
    const note = ref('');
    const dismissed = ref<EhrTipDismissDetail | null>(null);
    const step = ref<EhrTourStepDetail | null>(null);
    const tourEl = ref<HTMLElementTagNameMap['ehr-tour'] | null>(null);
    // The host re-renders when its data refreshes (here on demand, for the test); the elements keep their state.
    (window as { refresh?: () => void }).refresh = () => renders.value++;
    return { renders, note, dismissed, step, tourEl, TOUR };
  },
  template: `
    <main>
      <h1>Vue host <span id="renders">{{ renders }}</span></h1>
      <form @submit.prevent>
        <label>Medication <input id="drug" v-model="note" @input="renders++" /></label>
        <ehr-tip anchor="#drug" tip-id="vue-tip" :heading="'Check the dose (' + renders + ')'" markdown="Check the **dose** against weight." @ehr-tip-dismiss="dismissed = $event.detail"></ehr-tip>
        <button id="sign" type="button" @click="renders++">Sign</button>
      </form>
      <button id="start-tour" type="button" @click="tourEl.start()">Start the tour</button>
      <ehr-tour ref="tourEl" .tour="TOUR" @ehr-tour-step="step = $event.detail"></ehr-tour>
      <p id="events">{{ dismissed ? 'dismissed ' + dismissed.tipId + ' permanent=' + dismissed.permanent : 'not dismissed' }}; {{ step ? 'step ' + (step.index + 1) + ' of ' + step.count : 'no step' }}</p>
    </main>`,
});
// The one line every Vue host needs: ehr-* tags are custom elements, not Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ehr-');
app.mount('#root');
