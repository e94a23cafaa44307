/**
 * The fast paths added for speed give bit-identical results to the code they short-cut. The reference below is
 * the number parser as it was before the fast path (digit by digit with BigInt, a straight copy of liblxc's
 * strtoul/strtol rules); every exported parser must agree with it on any input: whitespace, signs, 0x, octal,
 * digits in other scripts, values at and past each type's range, and numbers far beyond 64 bits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cStrtoBig, getU16, isNonDecimal, safeInt, safeUint, safeUlong, type NumberResult } from '@lxclint/core';

// ---- reference: the slow path, unchanged ----
const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
function refStrtoBig(s: string, base: 0 | 10 | 16 = 0): { value: bigint; negative: boolean; end: number } {
  let i = 0;
  while (i < s.length && isCSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let radix: number = base;
  const hexPrefix = s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '');
  if ((radix === 0 || radix === 16) && hexPrefix) {
    radix = 16;
    i += 2;
  } else if (radix === 0) {
    radix = s[i] === '0' ? 8 : 10;
  }
  const digitStart = i;
  let value = 0n;
  const big = BigInt(radix);
  for (; i < s.length; i++) {
    const d = Number.parseInt(s[i]!, 36);
    if (Number.isNaN(d) || d >= radix) break;
    value = value * big + BigInt(d);
  }
  if (i === digitStart) return { value: 0n, negative: false, end: 0 };
  return { value, negative, end: i };
}
function refWhole(s: string) {
  const r = refStrtoBig(s);
  return { ...r, complete: r.end > 0 && r.end === s.length };
}
function refSafeUint(s: string): NumberResult {
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = refWhole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > 0xffffffffn) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}
function refSafeUlong(s: string): NumberResult {
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = refWhole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > 0xffffffffffffffffn) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}
function refSafeInt(s: string): NumberResult {
  const r = refWhole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  const v = r.negative ? -r.value : r.value;
  if (v > 0x7fffffffn || v < -0x80000000n) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}
function refGetU16(s: string): NumberResult {
  const r = refWhole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.negative && r.value !== 0n) return { ok: false, reason: 'range' };
  if (r.value > 0xffffn) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

function refIsNonDecimal(s: string): 'octal' | 'hex' | null {
  const t = s.trim().replace(/^[+-]/, '');
  if (/^0[xX][0-9a-fA-F]/.test(t)) return 'hex';
  if (/^0[0-7]+$/.test(t)) return 'octal';
  return null;
}

/** Every parser, fast path included, against the reference; toStrictEqual also compares bigint vs number. */
function agrees(s: string): void {
  expect(safeUint(s), `safeUint(${JSON.stringify(s)})`).toStrictEqual(refSafeUint(s));
  expect(safeUlong(s), `safeUlong(${JSON.stringify(s)})`).toStrictEqual(refSafeUlong(s));
  expect(safeInt(s), `safeInt(${JSON.stringify(s)})`).toStrictEqual(refSafeInt(s));
  expect(getU16(s), `getU16(${JSON.stringify(s)})`).toStrictEqual(refGetU16(s));
  expect(isNonDecimal(s), `isNonDecimal(${JSON.stringify(s)})`).toBe(refIsNonDecimal(s));
  for (const base of [0, 10, 16] as const) {
    expect(cStrtoBig(s, base), `cStrtoBig(${JSON.stringify(s)}, ${base})`).toStrictEqual(refStrtoBig(s, base));
  }
}

const BOUNDARIES = [
  0, 1, 7, 8, 9, 10, 32, 33, 128, 255, 256, 4094, 4095, 4096, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32,
  2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 1e14, 1e15 - 1, 1e15, 1e15 + 1, 1e16,
].map((n) => BigInt(n));
const HUGE = [2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, 10n ** 30n];

/** Characters that matter to strtoul/strtol, plus look-alikes that must not count as digits. */
const CHARS = [...'0123456789', ...'0123456789', ' ', '\t', '\n', '\v', '\f', '\r', '+', '-', 'x', 'X', 'a', 'f', 'F', 'g', 'z', '.', 'e', '_', '٣', '１', '\u00a0', '\0'];
const numberish = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((a) => a.join(''));
const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 25 }).map((a) => a.join(''));
const decorated = fc.tuple(
  fc.constantFrom('', ' ', '\t', '  ', '\n'), fc.constantFrom('', '+', '-'), fc.constantFrom('', '0', '0x', '0X', '00'),
  fc.oneof(digits, fc.constantFrom(...[...BOUNDARIES, ...HUGE].flatMap((b) => [String(b), String(b - 1n < 0n ? 0n : b - 1n), b.toString(16)]))),
  fc.constantFrom('', ' ', 'x', '.5', '\t'),
).map((parts) => parts.join(''));

describe('number parsers: fast path = slow path', () => {
  it('agrees on boundaries and hand-picked forms', () => {
    for (const b of [...BOUNDARIES, ...HUGE]) {
      for (const t of [String(b), ` ${b}`, `${b} `, `+${b}`, `-${b}`, `0${b}`, `0x${b.toString(16)}`, `0${b.toString(8)}`]) agrees(t);
    }
    for (const t of ['', '0', '00', '08', '0x', '0x0', '0xg', '-0', '+0', ' ', '1e3', '1.5', '١٢', '１２', '123456789012345', '1234567890123456', '999999999999999', '9999999999999999']) agrees(t);
  });
  it('agrees on random digit strings (around the 15-digit cut-off)', () => {
    fc.assert(fc.property(digits, (s) => agrees(s)), { numRuns: 5000 });
  });
  it('agrees on random number-like strings', () => {
    fc.assert(fc.property(numberish, (s) => agrees(s)), { numRuns: 10000 });
  });
  it('agrees on decorated numbers (blanks, signs, prefixes, trailing junk)', () => {
    fc.assert(fc.property(decorated, (s) => agrees(s)), { numRuns: 10000 });
  });
  it('agrees on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => agrees(s)), { numRuns: 3000 });
  });
});
