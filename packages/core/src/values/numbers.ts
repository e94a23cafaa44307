/**
 * liblxc's number parsers, reproduced exactly (utils.c / string_utils.c): strtoul/strtol with base 0 (so
 * `0x10` is 16, `010` is 8 and `08` is an error), a whole-string match, and the type's range.
 */
export type NumberResult = { ok: true; value: bigint } | { ok: false; reason: 'invalid' | 'range' | 'negative' };

const isCSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** strtoul/strtol's digits with base 0 (or a fixed base); `end` is where parsing stopped, as in C's endptr. */
export function cStrtoBig(s: string, base: 0 | 10 | 16 = 0): { value: bigint; negative: boolean; end: number } {
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
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > UINT_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/** lxc_safe_ulong(): like safeUint with the 64-bit range. */
export function safeUlong(s: string): NumberResult {
  if (s.trimStart().startsWith('-')) return { ok: false, reason: 'negative' };
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.value > ULONG_MAX) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/** lxc_safe_int(): strtol base 0, whole string, INT range. */
export function safeInt(s: string): NumberResult {
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  const v = r.negative ? -r.value : r.value;
  if (v > INT_MAX || v < -INT_MAX - 1n) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}

/** get_u16(): strtoul base 0, whole string, ≤ 65535 (a `-` wraps to a huge value and fails the range). */
export function getU16(s: string): NumberResult {
  const r = whole(s);
  if (!r.complete) return { ok: false, reason: 'invalid' };
  if (r.negative && r.value !== 0n) return { ok: false, reason: 'range' };
  if (r.value > 0xffffn) return { ok: false, reason: 'range' };
  return { ok: true, value: r.value };
}

/** True when base 0 reads the text as octal or hex, which people rarely mean (`010` is 8). */
export function isNonDecimal(s: string): 'octal' | 'hex' | null {
  const t = s.trim().replace(/^[+-]/, '');
  if (/^0[xX][0-9a-fA-F]/.test(t)) return 'hex';
  if (/^0[0-7]+$/.test(t)) return 'octal';
  return null;
}
