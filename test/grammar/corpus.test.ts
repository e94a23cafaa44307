/**
 * Every config in the repository (examples/, test/fixtures/) and the stock LXC configs on the machine tokenize
 * without error, the tokens cover every line, and the grammar reads each line the way our parser (which follows
 * liblxc's parse_line) does: comment, entry (same key, same value, same quote stripping), ignored line, invalid
 * line, blank. A property test does the same on generated lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, type LineNode } from '@lxclint/core';
import { ROOT, splitLines, tokenize, type Token } from './textmate';

function configFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...configFiles(path));
    else if (name === 'config' || name.endsWith('.conf') || name.endsWith('.formatted')) out.push(path);
  }
  return out;
}

type Kind = 'blank' | 'comment' | 'entry' | 'ignored' | 'invalid';

function grammarKind(tokens: Token[]): Kind {
  const scopes = tokens.flatMap((t) => t.scopes);
  if (scopes.includes('comment.line.number-sign.lxc-config')) return 'comment';
  if (scopes.includes('meta.entry.lxc-config')) return 'entry';
  if (scopes.includes('invalid.illegal.missing-assignment.lxc-config')) return 'invalid';
  if (scopes.includes('comment.block.ignored.lxc-config')) return 'ignored';
  expect(scopes.every((s) => s === 'source.lxc-config'), JSON.stringify(tokens)).toBe(true);
  return 'blank';
}

function parserKind(line: LineNode): Kind {
  switch (line.kind) {
    case 'blank':
      return 'blank';
    case 'comment':
      return 'comment';
    case 'text':
      return line.invalid ? 'invalid' : 'ignored';
    case 'entry':
      return line.isLxc ? 'entry' : 'ignored';
  }
}

const textWith = (tokens: Token[], scope: string) =>
  tokens
    .filter((t) => t.scopes.some((s) => s.startsWith(scope)))
    .map((t) => t.text)
    .join('');

/** Tokenizes `text` like the editor and checks each line against the parser. Returns the number of lines. */
async function checkAgainstParser(text: string, label: string): Promise<number> {
  // liblxc stops at the first NUL; the grammar cannot see that across lines, so compare what comes before it.
  const nul = text.indexOf('\0');
  const visible = nul < 0 ? text : text.slice(0, nul);
  const doc = parseConfig(visible);
  const lines = splitLines(visible);
  const tokens = await tokenize(visible);
  expect(tokens.length).toBe(lines.length);
  for (const [i, line] of doc.lines.entries()) {
    const where = `${label}:${i + 1}: ${JSON.stringify(lines[i])}`;
    const content = visible.slice(line.start, line.contentEnd);
    expect(lines[i], where).toBe(content);
    const toks = tokens[i]!;
    // Tokens cover the line exactly, in order, without gaps.
    let at = 0;
    for (const t of toks) {
      expect(t.start, where).toBe(at);
      at = t.end;
    }
    if (content.length > 0) expect(at, where).toBe(content.length);
    expect(grammarKind(toks), where).toBe(parserKind(line));
    if (line.kind === 'entry' && line.isLxc) {
      expect(textWith(toks, 'meta.key.'), where).toBe(line.key);
      const value = textWith(toks, 'meta.value.').replace(/[ \t]+$/, '');
      expect(value, where).toBe(visible.slice(line.valueSpan.start, line.valueSpan.end));
      const quoted = toks.some((t) => t.scopes.some((s) => s.startsWith('string.quoted.')));
      expect(quoted, where).toBe(line.quote !== null);
    }
  }
  // A trailing line end leaves one empty editor line the parser does not count.
  for (const extra of tokens.slice(doc.lines.length)) expect(extra.every((t) => t.text === ''), label).toBe(true);
  return doc.lines.length;
}

describe('grammar on real configs', () => {
  const files = [...configFiles(join(ROOT, 'examples')), ...configFiles(join(ROOT, 'test/fixtures'))];

  it('finds the repository configs', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('tokenizes every config under examples/ and test/fixtures/ the way the parser reads it', async () => {
    let lines = 0;
    for (const file of files) {
      // latin1 keeps every byte as one character, as liblxc sees bytes (non-UTF-8 fixtures included).
      lines += await checkAgainstParser(readFileSync(file, 'latin1'), relative(ROOT, file));
    }
    expect(lines).toBeGreaterThan(500);
  });

  const stock = '/usr/share/lxc/config';
  it.skipIf(!existsSync(stock))('tokenizes the stock LXC configs of this machine', async () => {
    const stockFiles = configFiles(stock);
    expect(stockFiles.length).toBeGreaterThan(10);
    for (const file of stockFiles) await checkAgainstParser(readFileSync(file, 'latin1'), file);
  });
});

describe('grammar and parser agree on generated lines', () => {
  // A line: blanks (and the characters liblxc does not treat as blanks), a head that decides the line's kind,
  // then anything; lines joined by LF, CRLF or a lone CR.
  const lead = fc.array(fc.constantFrom(' ', '\t', '\f', '\uFEFF'), { maxLength: 2 });
  const head = fc.constantFrom(
    '', '#', 'lxc.', 'lxc.uts.name', 'lxc.net.0.', 'lxc.network.link', 'lxc.start.auto', 'LXC.', 'foo', '=',
  );
  const piece = fc.constantFrom(
    'lxc.', 'type', 'ipv4.address', 'lxc.cgroup2.', 'memory.max', ' ', '  ', '\t', '\f', '=', ' = ', '#', ' # ', '"', "'",
    'a', '0', '1', '192.0.2.1/24', '::1', '/x', 'é',
  );
  const line = fc.tuple(lead, head, fc.array(piece, { maxLength: 8 })).map(([l, h, rest]) => l.join('') + h + rest.join(''));
  const doc = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '')), { maxLength: 6 });

  it('classifies every line, key, value and quote the same way', async () => {
    await fc.assert(
      fc.asyncProperty(doc, async (lines) => {
        const text = lines.map(([l, eol]) => l + eol).join('');
        await checkAgainstParser(text, JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });
});
