import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvLine, neutraliseFormula } from '../../server/core/csv-text';
import { escapeHtml } from '../../server/export/html';
import { httpLink } from '../../server/export/initiative-rows';
import { mdText } from '../../server/export/markdown';
import { copenhagenDate, copenhagenIso } from '../../shared';
import { slugify } from '../../server/core/slug';

describe('CSV fields', () => {
  it('neutralises every formula start with a leading quote, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`);
    for (const text of ['=SUM(A1)', '+1', '-1', '@x', '\tTab', '\rCR']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Sum = 1', 'a+b', ' =1', "'quoted", '1-2', 'æøå']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('quotes by RFC 4180: separator, quote, CR or LF; quotes doubled', () => {
    expect(csvField('plain', ';')).toBe('plain');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvField('two\nlines', ';')).toBe('"two\nlines"');
    expect(csvField('cr\rhere', ';')).toBe('"cr\rhere"');
    expect(csvField('\r=1', ';')).toBe('"\'\r=1"');
    expect(csvField(null, ';')).toBe('');
    expect(csvField(3, ';')).toBe('3');
    expect(csvLine(['a', 'b;c', null, 0], ';')).toBe('a;"b;c";;0\r\n');
  });

  it('reads back through a real CSV parser exactly as neutralised, for any text and both separators', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(';' as const, ',' as const), (fields, sep) => {
        const text = BOM + csvLine(fields, sep) + csvLine(fields, sep);
        const records = parse(text, { bom: true, delimiter: sep, relax_quotes: false }) as string[][];
        const expected = fields.map(neutraliseFormula);
        // A single empty field is an empty line, which parsers skip.
        if (fields.length === 1 && fields[0] === '') return;
        expect(records).toEqual([expected, expected]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Copenhagen times and file names', () => {
  it('writes ISO 8601 with the Danish offset, summer and winter time', () => {
    expect(copenhagenIso(Date.UTC(2024, 4, 29, 15, 0, 0))).toBe('2024-05-29T17:00:00+02:00');
    expect(copenhagenIso(Date.UTC(2024, 0, 15, 23, 30, 5))).toBe('2024-01-16T00:30:05+01:00');
    expect(copenhagenIso(Date.UTC(2024, 2, 31, 1, 0, 0))).toBe('2024-03-31T03:00:00+02:00'); // the spring-forward hour
    expect(copenhagenIso(Date.UTC(2024, 9, 27, 0, 30, 0))).toBe('2024-10-27T02:30:00+02:00');
    expect(copenhagenIso(Date.UTC(2024, 9, 27, 1, 30, 0))).toBe('2024-10-27T02:30:00+01:00'); // the hour repeats
    expect(copenhagenDate(Date.UTC(2024, 11, 31, 23, 30))).toBe('2025-01-01');
  });

  it('makes ASCII slugs of titles, Danish letters spelled out', () => {
    expect(slugify('Kick-off workshop med rådene')).toBe('kick-off-workshop-med-raadene');
    expect(slugify('Ældre & Øster Åby: "Fælles" 2035!')).toBe('aeldre-oester-aaby-faelles-2035');
    expect(slugify('Café Noël')).toBe('cafe-noel');
    expect(slugify('"; rm -rf / #')).toBe('rm-rf');
    expect(slugify('???')).toBe('samskab');
    expect(slugify('x'.repeat(200))).toHaveLength(60);
  });
});

describe('report text', () => {
  it('escapes HTML in content and attributes', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'q\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('makes Markdown literal: no markup, links, HTML or block structure from an idea', () => {
    expect(mdText('*fed* _kursiv_ `kode` [link](http://x) ![b](y) | ~s~')).toBe('\\*fed\\* \\_kursiv\\_ \\`kode\\` \\[link\\](http://x) \\!\\[b\\](y) \\| \\~s\\~');
    expect(mdText('<img src=x onerror=alert(1)> & co')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(mdText('# titel\n- punkt\n+ punkt\n1. nummer\n2) nummer\n    kode\n===')).toBe(
      '\\# titel\\\n\\- punkt\\\n\\+ punkt\\\n1\\. nummer\\\n2\\) nummer\\\nkode\\\n\\===',
    );
    expect(mdText('a\r\nb', '  ')).toBe('a\\\n  b');
  });

  it('links an initiative’s decision only when it is http(s), normalised so it cannot leave its attribute or autolink', () => {
    expect(httpLink('https://www.ishoj.dk/dagsorden/punkt-7?vis=alle&sprog=da')).toBe('https://www.ishoj.dk/dagsorden/punkt-7?vis=alle&sprog=da');
    expect(httpLink('http://example.dk/a b/"c"<d>?q="x" y#<z>')).toBe('http://example.dk/a%20b/%22c%22%3Cd%3E?q=%22x%22%20y#%3Cz%3E');
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'mailto:a@b.dk', 'not a url', null]) {
      expect(httpLink(url)).toBeNull();
    }
  });
});
