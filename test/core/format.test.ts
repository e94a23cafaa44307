import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEdits, decodeConfigBytes, encodeConfigText, formatDocument, liblxcView, parseConfig, parseConfigBytes, parseFormatOptions,
  sameForLiblxc, type FormatOptions,
} from '@lxclint/core';

const fmt = (text: string, options: FormatOptions = {}) => formatDocument(parseConfig(text), options);
const out = (text: string, options: FormatOptions = {}) => fmt(text, options).text;

describe('canonical style', () => {
  it('writes key = value with one space, no indentation, no trailing blanks', () => {
    expect(out('  lxc.uts.name=web  \n\tlxc.arch\t =\t amd64\t\n')).toBe('lxc.uts.name = web\nlxc.arch = amd64\n');
  });
  it('writes an empty value as "key ="', () => {
    expect(out('lxc.net.0.ipv4.address =   \n')).toBe('lxc.net.0.ipv4.address =\n');
    expect(out('lxc.cgroup2=\n')).toBe('lxc.cgroup2 =\n');
  });
  it('keeps values as they are: quotes, inner blanks, later = signs, a trailing form feed, inline #', () => {
    const src = 'lxc.a = " x "\nlxc.b=c=d\nlxc.c = x\f \nlxc.d = a  b\nlxc.e = br0 # bridge\nlxc.f = \'\'\n';
    expect(out(src)).toBe('lxc.a = " x "\nlxc.b = c=d\nlxc.c = x\f\nlxc.d = a  b\nlxc.e = br0 # bridge\nlxc.f = \'\'\n');
  });
  it('keeps at most one blank line in a row and none at the start or the end', () => {
    expect(out('\n\n\nlxc.a = 1\n\n\n\nlxc.b = 2\n\n\n')).toBe('lxc.a = 1\n\nlxc.b = 2\n');
    expect(out('lxc.a = 1\n \t\n\f\nlxc.b = 2\n', { blankLinesMax: 2 })).toBe('lxc.a = 1\n\n\nlxc.b = 2\n');
    expect(out('lxc.a = 1\n\nlxc.b = 2\n', { blankLinesMax: 0 })).toBe('lxc.a = 1\nlxc.b = 2\n');
  });
  it('adds a final newline; an empty or blank file stays empty', () => {
    expect(out('lxc.a = 1')).toBe('lxc.a = 1\n');
    expect(out('')).toBe('');
    expect(out('\n  \n')).toBe('');
  });
  it('keeps comments from # on byte for byte, only dropping indentation and blanks after them', () => {
    const src = '   #  lxc.net.0.type = veth   \n#\tTab\u00e9 é #x\n';
    expect(out(src)).toBe('#  lxc.net.0.type = veth\n#\tTab\u00e9 é #x\n');
  });
  it('leaves lines liblxc ignores alone apart from indentation and trailing blanks', () => {
    expect(out('  foo=bar  \n  LXC.uts.name  =  x \n\tsome text \n')).toBe('foo=bar\nLXC.uts.name  =  x\nsome text\n');
  });
  it('does not treat a leading form feed as indentation: the line stays a non-lxc line', () => {
    const r = fmt('\flxc.uts.name = x\n');
    expect(r.text).toBe('\flxc.uts.name = x\n');
    expect(liblxcView(r.text)).toEqual([]);
  });
  it('aligns = within blocks when asked', () => {
    const src = 'lxc.uts.name = web\nlxc.arch = amd64\n# c\nlxc.net.0.ipv4.address = 192.0.2.1/24\n\nlxc.a = 1\nlxc.bb =\n';
    expect(out(src, { alignEquals: true })).toBe(
      'lxc.uts.name           = web\nlxc.arch               = amd64\n# c\nlxc.net.0.ipv4.address = 192.0.2.1/24\n\nlxc.a  = 1\nlxc.bb =\n',
    );
  });
});

describe('lines liblxc rejects', () => {
  it('keeps a line without = exactly and says so', () => {
    const r = fmt('lxc.uts.name = a\n   lxc.tty.max   \nlxc.arch=x\n');
    expect(r.text).toBe('lxc.uts.name = a\n   lxc.tty.max   \nlxc.arch = x\n');
    expect(r.notes).toEqual([expect.objectContaining({ line: 1, kind: 'syntax-error' })]);
  });
});

describe('line endings', () => {
  it('keeps CRLF when every line uses it', () => {
    expect(out('lxc.a=1\r\n\r\n\r\nlxc.b=2')).toBe('lxc.a = 1\r\n\r\nlxc.b = 2\r\n');
  });
  it('turns mixed endings and lone CRs into LF (all are line ends for liblxc)', () => {
    expect(out('lxc.a=1\r\nlxc.b=2\nlxc.c=3\rlxc.d=4\r\n')).toBe('lxc.a = 1\nlxc.b = 2\nlxc.c = 3\nlxc.d = 4\n');
  });
  it('follows lineEnding when set', () => {
    expect(out('lxc.a=1\r\n', { lineEnding: 'lf' })).toBe('lxc.a = 1\n');
    expect(out('lxc.a=1\n', { lineEnding: 'crlf' })).toBe('lxc.a = 1\r\n');
  });
});

describe('bytes liblxc never reads, BOM, non-UTF-8', () => {
  it('keeps everything from a NUL on, and adds no newline before it', () => {
    expect(out('  lxc.a=1\n\n\0  lxc.b=2  \n')).toBe('lxc.a = 1\n\0  lxc.b=2  \n');
    expect(out('lxc.a=1\0x')).toBe('lxc.a = 1\0x');
  });
  it('keeps a BOM, and the first line stays one liblxc ignores', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('lxc.uts.name=a\nlxc.arch=x\n')]);
    const doc = parseConfigBytes(bytes, 'x');
    const r = formatDocument(doc);
    expect(r.text).toBe('\ufefflxc.uts.name=a\nlxc.arch = x\n');
    expect(encodeConfigText(r.text, doc.encoding).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
  it('keeps bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('  lxc.uts.name = caf'), 0xe9, 0xff, 0x20, 0x0a, 0x23, 0x80, 0x0a]);
    const doc = parseConfigBytes(bytes, 'x');
    expect(doc.encoding).toBe('latin1');
    const back = encodeConfigText(formatDocument(doc).text, doc.encoding);
    expect([...back]).toEqual([...new TextEncoder().encode('lxc.uts.name = caf'), 0xe9, 0xff, 0x0a, 0x23, 0x80, 0x0a]);
  });
});

describe('edits', () => {
  it('are whole lines and rebuild the formatted text from the input', () => {
    const src = '  lxc.a=1\n\n\nlxc.b = 2\n# ok\n';
    const r = fmt(src);
    for (const e of r.edits) {
      const doc = parseConfig(src);
      expect(doc.lines.some((l) => l.start === e.start && l.end === e.end)).toBe(true);
    }
    expect(applyEdits(src, r.edits)).toBe(r.text);
    expect(r.edits).toHaveLength(2);
  });
});

describe('options from lxclint.json', () => {
  it('accepts the known settings and rejects the rest with a message', () => {
    expect(parseFormatOptions({ alignEquals: true, blankLinesMax: 2, lineEnding: 'lf' })).toEqual({
      options: { alignEquals: true, blankLinesMax: 2, lineEnding: 'lf' }, errors: [],
    });
    const bad = parseFormatOptions({ alignEquals: 'yes', blankLinesMax: -1, lineEnding: 'cr', indent: 2 });
    expect(bad.errors).toHaveLength(4);
    expect(bad.errors.join('\n')).toMatch(/format\.alignEquals.*format\.blankLinesMax.*format\.lineEnding.*unknown setting "indent"/s);
  });
});

// Arbitrary text built from the characters that matter to liblxc's line reader.
const piece = fc.constantFrom(
  'lxc.', 'lxc.uts.name', 'lxc.net.0.link', 'foo', 'LXC.a', '=', '==', ' ', '  ', '\t', '\f', '\r', '\n', '\r\n', '#', '"', "'", 'x', 'é',
  '\ufeff', '\0', 'value', ' # c', '\\', '\v',
);
const configText = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
const options = fc.record({
  alignEquals: fc.boolean(),
  blankLinesMax: fc.integer({ min: 0, max: 3 }),
  lineEnding: fc.constantFrom('auto' as const, 'lf' as const, 'crlf' as const),
});

describe('properties over arbitrary text', () => {
  it('is idempotent: fmt(fmt(x)) == fmt(x)', () => {
    fc.assert(
      fc.property(configText, options, (text, o) => {
        const once = out(text, o);
        expect(out(once, o)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
  it('never changes what liblxc reads (independent reader), and the self-check never fires', () => {
    fc.assert(
      fc.property(configText, options, (text, o) => {
        const r = fmt(text, o);
        expect(r.notes.filter((n) => n.kind === 'not-proven')).toEqual([]);
        expect(sameForLiblxc(text, r.text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('keeps every comment text and every rejected line byte for byte', () => {
    fc.assert(
      fc.property(configText, (text) => {
        const doc = parseConfig(text);
        const formatted = out(text);
        for (const l of doc.lines) {
          if (l.kind === 'comment') expect(formatted).toContain(text.slice(l.comment.start, l.comment.end).replace(/[ \t]+$/, ''));
          if (l.kind === 'text' && l.invalid) expect(formatted).toContain(text.slice(l.start, l.contentEnd));
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('round-trips arbitrary bytes through decode, format and encode with the same reading', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeConfigBytes(bytes);
        const doc = parseConfigBytes(bytes, 'x');
        const formatted = formatDocument(doc).text;
        const again = decodeConfigBytes(encodeConfigText(formatted, doc.encoding));
        expect(again.text).toBe(formatted);
        expect(sameForLiblxc(decoded.text, formatted)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
