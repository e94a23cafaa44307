import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeConfigBytes, encodeConfigText, lineParts, parseConfig, parseConfigBytes, positionAt, printDocument, type EntryLine,
} from '@lxclint/core';

const entry = (text: string, i = 0) => parseConfig(text).lines.filter((l) => l.kind === 'entry')[i] as EntryLine;

describe('line reading as liblxc parse_line() does', () => {
  it('splits at the first = and trims key and value', () => {
    const e = entry('  lxc.environment =  A=B=C \t\n');
    expect(e.key).toBe('lxc.environment');
    expect(e.value).toBe('A=B=C');
  });
  it('treats # as a comment only as the first non-blank character', () => {
    const doc = parseConfig('\t # c\nlxc.uts.name = a # b\n');
    expect(doc.lines[0]!.kind).toBe('comment');
    expect((doc.lines[1] as EntryLine).value).toBe('a # b');
  });
  it('removes one matching pair of outer quotes only', () => {
    expect(entry('lxc.a = "x"').value).toBe('x');
    expect(entry("lxc.a = 'x'").value).toBe('x');
    expect(entry('lxc.a = "x\'').value).toBe('"x\'');
    expect(entry('lxc.a = ""x""').value).toBe('"x"');
    expect(entry('lxc.a = ""').value).toBe('');
    expect(entry('lxc.a = "').value).toBe('"');
    expect(entry('lxc.a = " x "').value).toBe(' x ');
  });
  it('keeps a trailing form feed in the value and does not skip a leading one', () => {
    expect(entry('lxc.a = x\f').value).toBe('x\f');
    const e = entry('\flxc.a = x');
    expect(e.isLxc).toBe(false);
  });
  it('ends lines at LF, CRLF and a lone CR', () => {
    const doc = parseConfig('lxc.a = 1\r\nlxc.b = 2\rlxc.c = 3\n');
    expect(doc.lines.map((l) => (l as EntryLine).key)).toEqual(['lxc.a', 'lxc.b', 'lxc.c']);
    expect(doc.lines.map((l) => l.eol)).toEqual(['\r\n', '\r', '\n']);
  });
  it('stops at the first NUL and keeps the rest as an ignored tail', () => {
    const doc = parseConfig('lxc.a = 1\nlxc.b = 2\0lxc.c = 3\n');
    expect(doc.lines.filter((l) => l.kind === 'entry').map((l) => (l as EntryLine).value)).toEqual(['1', '2']);
    expect(doc.text.slice(doc.nulTail!.start, doc.nulTail!.end)).toBe('\0lxc.c = 3\n');
  });
  it('classifies lines without =: lxc. lines are invalid, others ignored', () => {
    const doc = parseConfig('lxc.tty.max\nfoo\n   \f \n');
    expect(doc.lines.map((l) => l.kind)).toEqual(['text', 'text', 'blank']);
    expect(doc.lines.slice(0, 2).map((l) => (l.kind === 'text' ? l.invalid : null))).toEqual([true, false]);
  });
  it('gives the spans of an entry line as offsets into the text, also in its JSON form', () => {
    const text = '# c\n  lxc.uts.name \t= "web" \n';
    const e = entry(text);
    expect(text.slice(e.indent.start, e.indent.end)).toBe('  ');
    expect(text.slice(e.keySpan.start, e.keySpan.end)).toBe('lxc.uts.name');
    expect(text[e.equals]).toBe('=');
    expect(text.slice(e.valueSpan.start, e.valueSpan.end)).toBe('"web"');
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      kind: 'entry', start: 4, end: 29, line: 1, contentEnd: 28, eol: '\n', indent: { start: 4, end: 6 }, keySpan: { start: 6, end: 18 },
      equals: 20, valueSpan: { start: 22, end: 27 }, key: 'lxc.uts.name', value: 'web', quote: '"', isLxc: true,
    });
  });

  it('reads keys case-sensitively and with no = as empty keys', () => {
    expect(entry('LXC.a = 1').isLxc).toBe(false);
    expect(entry('= 1').key).toBe('');
    expect(entry('lxc.a =').value).toBe('');
  });
});

describe('bytes', () => {
  it('keeps a BOM in the text, so the first line is not an lxc. line', () => {
    const doc = parseConfigBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('lxc.a = 1\n')]), 'x');
    expect(doc.bom).toBe(true);
    expect((doc.lines[0] as EntryLine).isLxc).toBe(false);
  });
  it('decodes invalid UTF-8 as latin1 and encodes back to the same bytes', () => {
    const bytes = new Uint8Array([0x6c, 0x78, 0x63, 0x2e, 0x61, 0x3d, 0xff, 0xc3, 0x28, 0x0a]);
    const d = decodeConfigBytes(bytes);
    expect(d.encoding).toBe('latin1');
    expect(d.invalidUtf8At).toBe(6);
    expect([...encodeConfigText(d.text, d.encoding)]).toEqual([...bytes]);
  });
});

function roundTrips(text: string) {
  const doc = parseConfig(text);
  expect(printDocument(doc)).toBe(text);
  // The parts of each line tile it, lines tile the document, and every range lies inside it.
  let at = 0;
  for (const line of doc.lines) {
    expect(line.start).toBe(at);
    for (const part of lineParts(line)) {
      expect(part.start).toBe(at);
      expect(part.end).toBeGreaterThan(part.start);
      at = part.end;
    }
    expect(at).toBe(line.end);
  }
  expect(at).toBe(doc.nulTail ? doc.nulTail.start : text.length);
  for (const line of doc.lines) {
    const p = positionAt(doc, line.start);
    expect(p.line).toBeLessThan(doc.lineStarts.length);
    expect(p.character).toBeGreaterThanOrEqual(0);
  }
}

describe('lossless tree', () => {
  const fixtures = join(import.meta.dirname, '..', 'fixtures');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.conf') || n === 'config') files.push(p);
    }
  };
  walk(fixtures);
  it.each(files.map((f) => [f.slice(fixtures.length + 1), f]))('prints %s back byte for byte', (_name, file) => {
    const bytes = readFileSync(file);
    const doc = parseConfigBytes(bytes, file);
    roundTrips(doc.text);
    expect(Buffer.from(encodeConfigText(printDocument(doc), doc.encoding)).equals(bytes)).toBe(true);
  });

  const configChars = fc.constantFrom('lxc.', 'net.0.', 'type', '=', ' ', '\t', '\n', '\r', '\r\n', '#', '"', "'", 'x', '\f', '\0', 'é', '\ufeff', '\\');
  it('round-trips config-like text', () => {
    fc.assert(fc.property(fc.array(configChars, { maxLength: 60 }).map((a) => a.join('')), roundTrips), { numRuns: 2000 });
  });
  it('never throws on arbitrary bytes and round-trips them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const doc = parseConfigBytes(bytes, 'x');
        roundTrips(doc.text);
        expect([...encodeConfigText(printDocument(doc), doc.encoding)]).toEqual([...bytes]);
      }),
      { numRuns: 2000 },
    );
  });
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), roundTrips), { numRuns: 1000 });
  });
});
