import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/ehr-tip.js';
import type { EhrTip } from '../../src/components/tip/tip.js';
import { applySmartStyle, smartStyleTokens } from '../../src/smart/index.js';

const asUrl = (value: unknown) => URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));

describe('smart_style_url onto the design tokens', () => {
  it('a style document with only some fields sets only those tokens; the elements keep their defaults for the rest', async () => {
    const page = await fixture<HTMLElement>(html`<div><ehr-tip variant="callout" open heading="Styled" tip-id="s"></ehr-tip></div>`);
    const tip = page.querySelector('ehr-tip') as EhrTip;
    const panel = () => getComputedStyle(tip.shadowRoot!.querySelector('[part="panel"]')!);
    const before = { color: panel().color, font: panel().fontFamily };
    // The SMART App Launch example's fields, but only two of them (and one a server got wrong).
    const refused = await applySmartStyle(asUrl({ color_highlight: '#5b2a86', font_family_body: "Georgia, 'Times New Roman', serif", color_error: 'url(https://evil.example/x)' }), page);
    expect(refused).to.deep.equal(['color_error']);
    expect(page.style.getPropertyValue('--ehr-color-accent')).to.equal('#5b2a86');
    expect(page.style.getPropertyValue('--ehr-font-family')).to.equal("Georgia, 'Times New Roman', serif");
    for (const unset of ['--ehr-color-surface', '--ehr-color-text', '--ehr-radius', '--ehr-font-size', '--ehr-color-critical']) expect(page.style.getPropertyValue(unset), unset).to.equal('');
    await tip.updateComplete;
    expect(getComputedStyle(tip.shadowRoot!.querySelector<HTMLElement>('[part="dismiss-button"]')!).backgroundColor).to.equal('rgb(91, 42, 134)');
    expect(panel().fontFamily).to.include('Georgia').and.not.equal(before.font);
    expect(panel().color).to.equal(before.color); // color_text absent: the default text colour
  });

  it('maps every SMART style field ehr-guide has a token for, and refuses what is not a plain CSS value', () => {
    const { tokens, refused } = smartStyleTokens({
      color_background: '#edeae3',
      color_error: '#9e2d2d',
      color_highlight: '#69b5ce',
      color_modal_backdrop: '',
      color_success: '#498e49',
      color_text: '#303030',
      dim_border_radius: '6px',
      dim_font_size: '13px',
      dim_spacing_size: '20px',
      font_family_body: "Georgia, Times, 'Times New Roman', serif",
      font_family_heading: "'HelveticaNeue-Light', Helvetica, Arial, 'Lucida Grande', sans-serif;",
    });
    expect(tokens).to.deep.equal({
      '--ehr-color-surface': '#edeae3',
      '--ehr-color-critical': '#9e2d2d',
      '--ehr-color-accent': '#69b5ce',
      '--ehr-color-success': '#498e49',
      '--ehr-color-text': '#303030',
      '--ehr-radius': '6px',
      '--ehr-font-size': '13px',
      '--ehr-font-family': "Georgia, Times, 'Times New Roman', serif",
    });
    expect(refused).to.deep.equal([]);
    expect(smartStyleTokens({ color_text: 'red; background: url(x)', dim_radius: 1 }).refused).to.deep.equal(['color_text']);
    expect(smartStyleTokens(['not', 'an', 'object']).refused).to.have.length(1);
  });

  it('a style document that cannot be fetched rejects, and nothing is set', async () => {
    const target = document.createElement('div');
    let error: Error | undefined;
    await applySmartStyle('/no-such-style.json', target).catch((e: Error) => (error = e));
    expect(error?.message).to.equal('smart_style_url answered 404');
    expect(target.getAttribute('style')).to.equal(null);
  });
});
