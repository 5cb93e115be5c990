import { expect } from '@open-wc/testing';
import { compileMarkdown, MAX_MARKDOWN_LENGTH } from '../../src/core/markdown/compile.js';
import { checkCompiledMarkdown } from '../../src/core/markdown/check.js';
import { decodeEntities } from '../../src/core/markdown/entities.js';
import { isCompiledMarkdown } from '../../src/core/markdown/nodes.js';

describe('compileMarkdown', () => {
  it('compiles paragraphs with emphasis, code and links into the ehr-md/1 tree', () => {
    const doc = compileMarkdown('Check **creatinine** before *dosing* `enoxaparin`. See [the protocol](https://example.org/p "Renal dosing").');
    expect(doc).to.deep.equal({
      format: 'ehr-md/1',
      blocks: [
        {
          t: 'p',
          c: [
            { t: 'text', v: 'Check ' },
            { t: 'strong', c: [{ t: 'text', v: 'creatinine' }] },
            { t: 'text', v: ' before ' },
            { t: 'em', c: [{ t: 'text', v: 'dosing' }] },
            { t: 'text', v: ' ' },
            { t: 'code', v: 'enoxaparin' },
            { t: 'text', v: '. See ' },
            { t: 'link', href: 'https://example.org/p', title: 'Renal dosing', c: [{ t: 'text', v: 'the protocol' }] },
            { t: 'text', v: '.' },
          ],
        },
      ],
    });
    expect(isCompiledMarkdown(doc)).to.equal(true);
    expect(checkCompiledMarkdown(doc)).to.deep.equal([]);
  });

  it('compiles lists (ordered with start, task lists), headings, quotes, code blocks, rules and tables', () => {
    const doc = compileMarkdown(
      [
        '## Before you sign',
        '',
        '3. Verify weight',
        '4. Verify allergies',
        '',
        '- [x] reconciled',
        '- [ ] reviewed',
        '',
        '> Automation bias: the score is advice.',
        '',
        '```text',
        'Score 0.82',
        '```',
        '',
        '---',
        '',
        '| Threshold | PPV |',
        '|:--|--:|',
        '| 0.6 | 12% |',
      ].join('\n'),
    );
    const types = doc.blocks.map((b) => b.t);
    expect(types).to.deep.equal(['h', 'list', 'list', 'quote', 'pre', 'hr', 'table']);
    const [heading, ordered, tasks, quote, code, , table] = doc.blocks;
    expect(heading).to.deep.equal({ t: 'h', level: 2, c: [{ t: 'text', v: 'Before you sign' }] });
    expect(ordered).to.include({ t: 'list', ordered: true, start: 3 });
    expect(tasks.t === 'list' && tasks.items.map((i) => i.checked)).to.deep.equal([true, false]);
    expect(quote.t === 'quote' && quote.c[0]).to.deep.equal({ t: 'p', c: [{ t: 'text', v: 'Automation bias: the score is advice.' }] });
    expect(code).to.deep.equal({ t: 'pre', v: 'Score 0.82', lang: 'text' });
    expect(table).to.deep.equal({
      t: 'table',
      align: ['left', 'right'],
      head: [[{ t: 'text', v: 'Threshold' }], [{ t: 'text', v: 'PPV' }]],
      rows: [[[{ t: 'text', v: '0.6' }], [{ t: 'text', v: '12%' }]]],
    });
  });

  it('turns raw HTML, block and inline, into text and never into markup', () => {
    const doc = compileMarkdown('<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> there');
    const json = JSON.stringify(doc);
    expect(doc.blocks[0]).to.deep.equal({ t: 'p', c: [{ t: 'text', v: '<script>alert(1)</script>' }] });
    expect(doc.blocks[1]).to.deep.equal({ t: 'p', c: [{ t: 'text', v: 'Hello <img src=x onerror=alert(1)> there' }] });
    expect(json).not.to.include('"t":"html"');
  });

  it('drops link and image destinations outside https, http and mailto but keeps their text', () => {
    const doc = compileMarkdown('[click](javascript:alert(1)) and ![chart](data:image/png;base64,AAAA) and [mail](mailto:a@b.org)');
    expect(doc.blocks[0]).to.deep.equal({
      t: 'p',
      c: [
        { t: 'text', v: 'click and chart and ' },
        { t: 'link', href: 'mailto:a@b.org', c: [{ t: 'text', v: 'mail' }] },
      ],
    });
  });

  it('decodes character references and keeps escaped markdown characters literal', () => {
    const doc = compileMarkdown('eGFR &lt; 30 &amp;&amp; age &#8805; 65 &#x2192; \\*not emphasis\\*');
    expect(doc.blocks[0]).to.deep.equal({ t: 'p', c: [{ t: 'text', v: 'eGFR < 30 && age ≥ 65 → *not emphasis*' }] });
  });

  it('refuses non-strings and oversized input with errors that say why', () => {
    expect(() => compileMarkdown(null as unknown as string)).to.throw(TypeError, /expected a markdown string, got null/);
    expect(() => compileMarkdown('x'.repeat(MAX_MARKDOWN_LENGTH + 1))).to.throw(RangeError, /more than the 100000 allowed/);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references, and leaves unknown ones alone', () => {
    expect(decodeEntities('a &amp; b &unknown; &#0; &#x110000; &nbsp;')).to.equal('a & b &unknown; \ufffd \ufffd \u00a0');
    expect(decodeEntities('plain')).to.equal('plain');
  });
});

describe('checkCompiledMarkdown', () => {
  it('names the JSON path of every problem in a hostile compiled tree', () => {
    const problems = checkCompiledMarkdown({
      format: 'ehr-md/1',
      blocks: [
        { t: 'p', c: [{ t: 'link', href: 'javascript:alert(1)', c: [] }, { t: 'script', v: 'x' }] },
        { t: 'h', level: 9, c: [] },
        { t: 'iframe' },
        { t: 'list', ordered: false, items: [{ c: [{ t: 'p', c: [{ t: 'image', src: 'data:x', alt: 3 }] }] }] },
        { t: 'table', head: [[{ t: 'text', v: 1 }]], rows: [['x']] },
        { t: 'quote', c: 'nope' },
        { t: 'pre' },
      ],
    });
    expect(problems.map((p) => p.path)).to.deep.equal([
      '$.blocks[0].c[0].href',
      '$.blocks[0].c[1]',
      '$.blocks[1].level',
      '$.blocks[2]',
      '$.blocks[3].items[0].c[0].c[0].src',
      '$.blocks[3].items[0].c[0].c[0].alt',
      '$.blocks[4].head[0][0].v',
      '$.blocks[4].rows[0][0]',
      '$.blocks[5].c',
      '$.blocks[6].v',
    ]);
    expect(problems[0].message).to.match(/URL not allowed/);
  });

  it('rejects values that are not compiled markdown at all', () => {
    expect(checkCompiledMarkdown('hello', 'content')).to.deep.equal([{ path: 'content', message: 'expected a compiled markdown object ({ format: "ehr-md/1", blocks: [...] })' }]);
    expect(checkCompiledMarkdown({ format: 'x', blocks: {} }).map((p) => p.path)).to.deep.equal(['$.format', '$.blocks']);
  });
});

describe('hostile nesting', () => {
  it('refuses markdown and compiled trees nested deeper than 32 levels, with a clear error', () => {
    expect(() => compileMarkdown('>'.repeat(200) + ' deep')).to.throw(RangeError, /nested more than 32 levels deep|could not be tokenised/);
    let inline: unknown = { t: 'text', v: 'x' };
    for (let i = 0; i < 5000; i++) inline = { t: 'em', c: [inline] };
    const problems = checkCompiledMarkdown({ format: 'ehr-md/1', blocks: [{ t: 'p', c: [inline] }] });
    expect(problems).to.have.length(1);
    expect(problems[0].message).to.equal('nested more than 32 levels deep');
    expect(compileMarkdown('> > quoted twice').blocks[0].t).to.equal('quote'); // ordinary nesting is fine
  });
});
