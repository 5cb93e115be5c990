import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/ehr-tour.js';
import type { EhrTour } from '../../../src/components/tour/tour.js';
import { until } from '../../helpers.js';

// A step whose control sits far below the fold of a long EHR page: the tour brings it into view and shows the
// step beside it (the popup and the control both on screen) — before, the step stayed closed after the scroll.
describe('<ehr-tour> on a long page', function () {
  this.timeout(20000);
  it('shows a step whose control is 15,000 px down, and the next one further still', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <div style="height:15000px"></div><input id="far" /><div style="height:9000px"></div><button id="further">Sign</button><div style="height:600px"></div>
      <ehr-tour .tour=${{ kind: 'tour', id: 'long', version: '1.0.0', title: 'Long', reviewBy: '2030-01-01', body: 'x', steps: [{ selector: '#far', title: 'Far', body: 'a' }, { selector: '#further', title: 'Further', body: 'b' }] }}></ehr-tour>
    </div>`);
    window.scrollTo(0, 0);
    const tour = page.querySelector('ehr-tour') as EhrTour;
    const panel = () => tour.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
    const onScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    };
    await tour.start({ focus: false });
    await until(() => panel().matches(':popover-open') && onScreen(panel()) && onScreen(page.querySelector('#far')!), 'far step seen', 5000);
    await tour.next();
    await until(() => tour.shadowRoot!.querySelector('[part="heading"]')?.textContent === 'Further' && panel().matches(':popover-open') && onScreen(page.querySelector('#further')!), 'further step seen', 5000);
    expect(onScreen(panel())).to.equal(true);
    await tour.stop();
    window.scrollTo(0, 0);
  });
});
