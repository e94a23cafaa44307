/**
 * liblxc's number parsers, reproduced exactly (utils.c / string_utils.c): strtoul/strtol with base 0 (so
 * `0x10` is 16, `010` is 8 and `08` is an error), a whole-string match, and the type's range.
 */
export type NumberResult = { ok: true; value: bigint } | { ok: false; reason: 'invalid' | 'range' | 'negative' };

const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/**
 * The value of a plain decimal (`0`, or 1–15 ASCII digits not starting with `0`: exact in a double), or -1
 * for anything else. Nearly every real value is one, and for these base 0 and base 10 read the same number
 * the slow path below would, without a BigInt per digit (test/core/perf-equivalence.test.ts checks this).
 */
function plainDecimal(s: string): number {
  const len = s.length;
  if (len === 0 || len > 15) return -1;
  let c = s.charCodeAt(0);
  if (c === 48) return len === 1 ? 0 : -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    if (i > 0) c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** strtoul/strtol's digits with base 0 (or a fixed base); `end` is where parsing stopped, as in C's endptr. */
export function cStrtoBig(s: string, base: 0 | 10 | 16 = 0): { value: bigint; negative: boolean; end: number } {
  const plain = base === 16 ? -1 : plainDecimal(s);
  if (plain >= 0) return { value: BigInt(plain), negative: false, end: s.length };
  let i = 0;
  while (i < s.length && isCSpace(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let radix: number = base;
  const hexPrefix = (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? ''));
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

function whole(s: string, base: 0 | 10 | 16 = 0) {
  const r = cStrtoBig(s, base);
  return { ...r, complete: r.end > 0 && r.end === s.length };
}

const UINT_MAX = 0xffffffffn;
const INT_MAX = 0x7fffffffn;
const ULONG_MAX = 0xffffffffffffffffn;

/** lxc_safe_uint(): leading blanks ok, `-` rejected, base 0, whole string, ≤ UINT_MAX. */
export function safeUint(s: string): NumberResult {
  const plain = plainDecimal(s);
  if (plain >= 0) return plain > 0xffffffff ? { ok: false, reason: 'range' } : { ok: true, value: BigInt(plain) };
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > UINT_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/**
 * safeUint() as a plain number: the value when safeUint() accepts `s`, -1 when it refuses it (for any reason).
 * For the callers that need no reason, without a BigInt and a result object per call.
 */
export function safeUintNumber(s: string): number {
  const plain = plainDecimal(s);
  if (plain >= 0) return plain > 0xffffffff ? -1 : plain;
  const r = safeUint(s);
  return r.ok ? Number(r.value) : -1;
}

/** lxc_safe_ulong(): like safeUint with the 64-bit range. */
export function safeUlong(s: string): NumberResult {
  const plain = plainDecimal(s);
  if (plain >= 0) return { ok: true, value: BigInt(plain) }; // below 10^15, far inside the 64-bit range
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > ULONG_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/** lxc_safe_int(): strtol base 0, whole string, INT range. */
export function safeInt(s: string): NumberResult {
  const plain = plainDecimal(s);
  if (plain >= 0) return plain > 0x7fffffff ? { ok: false, reason: 'range' } : { ok: true, value: BigInt(plain) };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  const v = r.negative ? -r.value : r.value;
  if (v > INT_MAX || v < -INT_MAX - 1n) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}

/** get_u16(): strtoul base 0, whole string, ≤ 65535 (a `-` wraps to a huge value and fails the range). */
export function getU16(s: string): NumberResult {
  const plain = plainDecimal(s);
  if (plain >= 0) return plain > 0xffff ? { ok: false, reason: 'range' } : { ok: true, value: BigInt(plain) };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.negative && r.value !== 0n) return { ok: false, reason: 'range' };
  if (r.value > 0xffffn) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/** True when base 0 reads the text as octal or hex, which people rarely mean (`010` is 8). */
export function isNonDecimal(s: string): 'octal' | 'hex' | null {
  // Starting with 1-9 there is nothing to trim and no sign or leading 0: decimal (the common case, no regex).
  const c = s.charCodeAt(0);
  if (c >= 49 && c <= 57) return null;
  const t = s.trim().replace(/^[+-]/, '');
  if (/^0[xX][0-9a-fA-F]/.test(t)) return 'hex';
  if (/^0[0-7]+$/.test(t)) return 'octal';
  return null;
}
