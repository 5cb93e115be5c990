// A minimal React host of ehr-guide: a tip and a tour on an order form, through the typed wrappers of
// `ehr-guide/react`. Properties are props (`heading`, `tour` — an object, so a property, never an attribute);
// events are `on…` callbacks with their detail types. The host re-renders on every keystroke (a counter and a
// text field in React state) and the elements keep their own state: an open tip stays open, a tour keeps its step.
import { useEffect, useRef, useState } from 'react';
import { EhrTip, EhrTour } from 'ehr-guide/react';
import type { EhrTipDismissDetail, EhrTourStepDetail } from 'ehr-guide/react';

/** Kept outside the component: a new object on every render would be a new tour. */
const TOUR = {
  kind: 'tour',
  id: 'tour.react-order',
  version: '1.0.0',
  title: 'Ordering in React',
  reviewBy: '2099-12-31',
  body: 'The order form in two steps.',
  steps: [
    { selector: '#drug', title: 'Medication', body: 'Search by generic name.' },
    { selector: '#sign', title: 'Sign', body: 'Signing sends the order to pharmacy.' },
  ],
};

export function App({ react }: { react: string }) {
  const [renders, setRenders] = useState(0);
  const [note, setNote] = useState('');
  const [dismissed, setDismissed] = useState<EhrTipDismissDetail | null>(null);
  const [step, setStep] = useState<EhrTourStepDetail | null>(null);
  const tour = useRef<HTMLElementTagNameMap['ehr-tour']>(null);
  // The host re-renders when its data refreshes (here on demand, for the test); the elements keep their state.
  useEffect(() => {
    (window as { refresh?: () => void }).refresh = () => setRenders((n) => n + 1);
  }, []);
  return (
    <main>
      <h1>
        React {react} host <span id="renders">{renders}</span>
      </h1>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          Medication <input id="drug" value={note} onChange={(e) => (setNote(e.target.value), setRenders((n) => n + 1))} />
        </label>
        <EhrTip anchor="#drug" tipId="react-tip" heading={`Check the dose (${renders})`} markdown="Check the **dose** against weight." onEhrTipDismiss={(e) => setDismissed(e.detail)} />
        <button id="sign" type="button" onClick={() => setRenders((n) => n + 1)}>
          Sign
        </button>
      </form>
      <button id="start-tour" type="button" onClick={() => void tour.current?.start()}>
        Start the tour
      </button>
      <EhrTour ref={tour} tour={TOUR} onEhrTourStep={(e) => setStep(e.detail)} />
      <p id="events">
        {dismissed ? `dismissed ${dismissed.tipId} permanent=${dismissed.permanent}` : 'not dismissed'}; {step ? `step ${step.index + 1} of ${step.count}` : 'no step'}
      </p>
    </main>
  );
}
