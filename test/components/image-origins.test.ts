import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-tip.js';
import '../../src/define/ehr-guide.js';
import '../../src/define/ehr-cds-cards.js';
import type { EhrTip } from '../../src/components/tip/tip.js';
import type { EhrCdsCards } from '../../src/components/cds-cards/cds-cards.js';
import { imageAllowed, parseOrigins } from '../../src/core/url-policy.js';
import { memoryStorage } from '../../src/core/progress/storage.js';
import { until } from '../helpers.js';

// Images in guidance load only from the page's origin and the origins the host allows: anything else would make
// the clinician's browser call a server the content chose (a tracking pixel inside the EHR). Elsewhere, the alt
// text renders as a link.
const BODY = '![Dose chart](https://tracker.example/pixel.gif) ![Local](/test/fixtures/cds-hooks/icon.svg) ![CDN](https://cdn.example.org/chart.png)';
const shown = (tip: EhrTip) => ({
  images: [...tip.shadowRoot!.querySelectorAll('img')].map((i) => i.getAttribute('src')),
  links: [...tip.shadowRoot!.querySelectorAll('a.md-image-link')].map((a) => [a.textContent, a.getAttribute('href')]),
});

describe('images only from origins the host allows', () => {
  it('the policy: same origin, allowed origins, never other schemes', () => {
    const base = 'https://ehr.example/chart';
    expect(imageAllowed('/img/a.png', [], base)).to.equal(true);
    expect(imageAllowed('https://ehr.example/x.png', [], base)).to.equal(true);
    expect(imageAllowed('https://cdn.example.org/x.png', [], base)).to.equal(false);
    expect(imageAllowed('https://cdn.example.org/x.png', ['https://cdn.example.org'], base)).to.equal(true);
    expect(imageAllowed('https://cdn.example.org.evil.example/x.png', ['https://cdn.example.org'], base)).to.equal(false);
    expect(imageAllowed('//tracker.example/p.gif', [], base)).to.equal(false);
    expect(imageAllowed('data:image/png;base64,AAAA', [], base)).to.equal(false);
    expect(imageAllowed('javascript:alert(1)', ['https://ehr.example'], base)).to.equal(false);
    expect(parseOrigins('https://cdn.example.org/path  javascript:x  http://a.example:8080/')).to.deep.equal(['https://cdn.example.org', 'http://a.example:8080']);
  });

  it('a tip outside any guide loads only same-origin images; others become their alt text as a link', async () => {
    const tip = await fixture<EhrTip>(html`<ehr-tip variant="callout" open heading="Images" .markdown=${BODY}></ehr-tip>`);
    await until(() => tip.shadowRoot!.querySelectorAll('img, a.md-image-link').length === 3, 'body rendered');
    const { images, links } = shown(tip);
    expect(images).to.deep.equal(['/test/fixtures/cds-hooks/icon.svg']);
    expect(links).to.deep.equal([['Dose chart', 'https://tracker.example/pixel.gif'], ['CDN', 'https://cdn.example.org/chart.png']]);
  });

  it('<ehr-guide image-origins> allows an origin for the elements inside it', async () => {
    const page = await fixture<HTMLElement>(html`<div><ehr-guide image-origins="https://cdn.example.org" .storage=${memoryStorage()}><ehr-tip variant="callout" open heading="Images" .markdown=${BODY}></ehr-tip></ehr-guide></div>`);
    const tip = page.querySelector('ehr-tip') as EhrTip;
    await until(() => tip.shadowRoot!.querySelectorAll('img, a.md-image-link').length === 3, 'body rendered');
    expect(shown(tip).images).to.deep.equal(['/test/fixtures/cds-hooks/icon.svg', 'https://cdn.example.org/chart.png']);
    expect(shown(tip).links).to.deep.equal([['Dose chart', 'https://tracker.example/pixel.gif']]);
  });

  it("a CDS card's icon from another origin is left out; the page's own loads", async () => {
    const card = (icon: string) => ({ cards: [{ uuid: 'c', summary: 'S', indicator: 'info', source: { label: 'Service', icon } }] });
    const el = await fixture<EhrCdsCards>(html`<ehr-cds-cards service-id="s" .response=${card('https://tracker.example/i.png')}></ehr-cds-cards>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('Service');
    el.response = card('/test/fixtures/cds-hooks/icon.svg');
    await until(() => el.shadowRoot!.querySelector('img') !== null, 'same-origin icon');
  });
});
