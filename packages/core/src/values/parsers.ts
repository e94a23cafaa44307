/**
 * liblxc's value parsers beyond plain numbers, reproduced step by step from the 5.0.2 sources (confile.c,
 * confile_utils.c, string_utils.c); 6.0/7.0 differences are noted where they exist. Each returns what liblxc
 * would store or why it fails, plus the facts the rules need (ignored text, octal numbers, ...).
 */
import type { LxcVersion } from '../catalog/types';
import { cStrtoBig, safeInt, safeUint, safeUlong, type NumberResult } from './numbers';
import { LOG_LEVELS, SIGNALS, SIGRTMAX, SIGRTMIN } from './words';

const INT_MAX = 0x7fffffffn;
const INT64_MAX = 0x7fffffffffffffffn;
const INT64_MIN = -0x8000000000000000n;
const ULLONG_MAX = 0xffffffffffffffffn;

/** C isspace() in the C/UTF-8 locale. */
export const isCSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** lxc_safe_long_long(): strtoll base 0, whole string, 64-bit range. */
export function safeLongLong(s: string): NumberResult {
  const r = cStrtoBig(s);
  if (r.end === 0 || r.end !== s.length) return { ok: false, reason: 'invalid' };
  const v = r.negative ? -r.value : r.value;
  if (v > INT64_MAX || v < INT64_MIN) return { ok: false, reason: 'range' };
  return { ok: true, value: v };
}

/** The decimal reading differs from liblxc's base-0 reading: `010` is 8, not 10. */
export function octalSurprise(text: string, value: bigint): boolean {
  const t = text.trim().replace(/^[+-]/, '');
  if (!/^0[0-9]+$/.test(t)) return false;
  return BigInt(t) !== (value < 0n ? -value : value);
}

// ---------------------------------------------------------------------------------------------- signals

export type SignalResult = { ok: true; value: number; numeric: boolean; text: string } | { ok: false; hint?: string };

/** sig_parse(): a number (lxc_safe_uint, base 0, ≤ INT_MAX), `SIG<NAME>` or `SIGRTMIN+n`/`SIGRTMAX-n`, case-insensitive. */
export function sigParse(s: string): SignalResult {
  if (isDigit(s[0])) {
    const r = safeUint(s);
    // sig_num() returns an int: values above INT_MAX come back negative and fail.
    if (!r.ok || r.value > INT_MAX) return { ok: false, ...(r.ok ? {} : octalHint(s)) };
    return { ok: true, value: Number(r.value), numeric: true, text: s };
  }
  if (s.slice(0, 3).toLowerCase() === 'sig') {
    const rest = s.slice(3);
    if (/^rtm(in|ax)$/i.test(rest)) return { ok: false, hint: `SIG${rest.toUpperCase()}${rest.toLowerCase() === 'rtmin' ? '+' : '-'}0` };
    if (rest.slice(0, 2).toLowerCase() === 'rt') return rtSignal(rest.slice(2), s);
    const upper = rest.toUpperCase();
    for (const [name, num] of SIGNALS) if (name === upper) return { ok: true, value: num, numeric: false, text: s };
    return { ok: false };
  }
  const upper = s.toUpperCase();
  if (SIGNALS.some(([name]) => name === upper)) return { ok: false, hint: `SIG${upper}` };
  if (/^RTM(IN\+|AX-)\d+$/i.test(s)) return { ok: false, hint: `SIG${upper}` };
  return { ok: false };
}

function rtSignal(rest: string, whole: string): SignalResult {
  const head = rest.slice(0, 4).toLowerCase();
  if (head !== 'max-' && head !== 'min+') return { ok: false };
  const num = rest.slice(4);
  if (!isDigit(num[0])) return { ok: false };
  const r = safeUint(num);
  if (!r.ok || r.value > BigInt(SIGRTMAX - SIGRTMIN)) return { ok: false };
  const n = Number(r.value);
  return { ok: true, value: head === 'max-' ? SIGRTMAX - n : SIGRTMIN + n, numeric: false, text: whole };
}

function octalHint(s: string): { hint?: string } {
  return /^0[0-9]*[89]/.test(s) ? { hint: 'octal' } : {};
}

// ---------------------------------------------------------------------------------------------- log level

export type LogLevelResult = { ok: true; value: number } | { ok: false; priority: number | null };

/** set_config_log_level(): a leading digit means lxc_safe_int (base 0), anything else a level name; 0..8. */
export function parseLogLevel(s: string): LogLevelResult {
  let level: number;
  if (isDigit(s[0])) {
    const r = safeInt(s);
    if (!r.ok) return { ok: false, priority: null };
    level = Number(r.value);
  } else {
    const i = LOG_LEVELS.findIndex((n) => n === s.toUpperCase());
    level = i < 0 ? 9 : i;
  }
  if (level < 0 || level >= 9) return { ok: false, priority: level };
  return { ok: true, value: level };
}

// ---------------------------------------------------------------------------------------------- byte sizes

export type ByteSizeResult =
  | { ok: true; value: bigint; ignoredSuffix?: string; numberText: string }
  | { ok: false; reason: 'invalid' | 'range' | 'suffix' | 'length'; suffix?: string };

/** parse_byte_size_string() (string_utils.c): `N`, `N<letter>` (letter ignored) or `N[ ]KB|MB|GB`. */
export function parseByteSize(s: string): ByteSizeResult {
  const len = s.length;
  // The copy buffer holds INTTYPE_TO_STRLEN(long long) = 22 bytes including the NUL.
  if (len === 0) return { ok: false, reason: 'invalid' };
  if (len > 21 || /[^\x00-\x7f]/.test(s)) return { ok: false, reason: len > 21 ? 'length' : 'invalid' };
  let suffixLen: number;
  const last = s[len - 1];
  if (isDigit(last)) suffixLen = 0;
  else if (isAlpha(last)) suffixLen = 1;
  else return { ok: false, reason: 'invalid' };
  if (suffixLen > 0) {
    if (len === 1) return { ok: false, reason: 'invalid' };
    if (len === 2) {
      if (isAlpha(s[0])) return { ok: false, reason: 'invalid' };
    } else if (isAlpha(s[len - 2])) suffixLen = 2;
  }
  const suffix = s.slice(len - suffixLen);
  let num = s.slice(0, len - suffixLen);
  num = num.replace(/[ \t\n]+$/, '');
  const r = safeLongLong(num);
  if (!r.ok) return { ok: false, reason: r.reason === 'range' ? 'range' : 'invalid' };
  if (suffixLen !== 2) return { ok: true, value: r.value, numberText: num, ...(suffixLen === 1 ? { ignoredSuffix: suffix } : {}) };
  const mult = { KB: 1024n, MB: 1024n ** 2n, GB: 1024n ** 3n }[suffix.toUpperCase()];
  if (mult === undefined) return { ok: false, reason: 'suffix', suffix };
  const v = r.value * mult;
  if (v > INT64_MAX || v < INT64_MIN) return { ok: false, reason: 'range' };
  return { ok: true, value: v, numberText: num };
}

/** lxc_find_next_power2(). */
export function nextPowerOfTwo(n: bigint): bigint {
  if (n <= 0n) return 0n;
  let p = 1n;
  while (p < n) p <<= 1n;
  return p;
}

// ---------------------------------------------------------------------------------------------- idmap

export interface IdmapField {
  text: string;
  start: number;
  value?: bigint;
}
export type IdmapResult =
  | { ok: true; type: 'u' | 'g'; fields: IdmapField[] }
  | { ok: false; message: string; start?: number; end?: number };

const IDMAP_WS = ' \t\r';

/** parse_idmaps() (confile_utils.c): `u|g NSID HOSTID RANGE`, each number lxc_safe_ulong (base 0). */
export function parseIdmap(s: string): IdmapResult {
  let i = 0;
  const skipWs = () => { while (i < s.length && IDMAP_WS.includes(s[i]!)) i++; };
  const word = () => { const start = i; while (i < s.length && !IDMAP_WS.includes(s[i]!)) i++; return { text: s.slice(start, i), start }; };
  skipWs();
  const type = s[i];
  if (type !== 'u' && type !== 'g') {
    return { ok: false, message: 'the first field must be "u" or "g"', start: i, end: Math.min(s.length, i + Math.max(1, word().text.length)) };
  }
  i++;
  const afterType = i;
  skipWs();
  if (i === afterType) return { ok: false, message: 'the type must be followed by a blank', start: 0, end: afterType + 1 };
  const fields: IdmapField[] = [];
  const names = ['namespace id', 'host id', 'range'];
  for (let f = 0; f < 3; f++) {
    const w = word();
    if (w.text === '') return { ok: false, message: `missing ${names[f]}: expected 4 fields` };
    const r = safeUlong(w.text);
    if (!r.ok) {
      const why = r.reason === 'negative' ? 'must not be negative' : r.reason === 'range' ? 'is too large' : /^0[0-9]*[89]/.test(w.text) ? 'is not a valid number (a leading 0 means octal)' : 'is not a number';
      return { ok: false, message: `the ${names[f]} ${JSON.stringify(w.text)} ${why}`, start: w.start, end: w.start + w.text.length };
    }
    fields.push({ ...w, value: r.value });
    const before = i;
    skipWs();
    if (f < 2 && i === s.length) return { ok: false, message: `missing ${names[f + 1]}: expected 4 fields` };
    if (f === 2 && i < s.length && before !== i) return { ok: false, message: 'expected exactly 4 fields', start: i, end: s.length };
  }
  // Trailing blanks after the range are allowed (" \t\r\n").
  if (i < s.length) return { ok: false, message: 'expected exactly 4 fields', start: i, end: s.length };
  return { ok: true, type, fields };
}

// ---------------------------------------------------------------------------------------------- prlimit

export type PrlimitResult =
  | { ok: true; soft: bigint | 'unlimited'; hard: bigint | 'unlimited'; emptySoft: boolean; wrapped: boolean }
  | { ok: false; at: number };

/** set_config_prlimit(): `SOFT[:HARD]`, each `unlimited` (prefix match) or strtoull base 10 (`-1` wraps). */
export function parsePrlimit(s: string): PrlimitResult {
  let i = 0;
  let wrapped = false;
  const limit = (): bigint | 'unlimited' | null => {
    if (s.startsWith('unlimited', i)) {
      i += 'unlimited'.length;
      return 'unlimited';
    }
    const r = cStrtoBig(s.slice(i), 10);
    if (r.end === 0) return 0n; // no digits: strtoull returns 0 and leaves the pointer where it was
    if (r.value > ULLONG_MAX) return null; // ERANGE
    i += r.end;
    if (r.negative && r.value !== 0n) {
      wrapped = true;
      const v = (ULLONG_MAX + 1n - r.value) & ULLONG_MAX;
      return v === ULLONG_MAX ? 'unlimited' : v;
    }
    return r.value;
  };
  const skip = () => { while (isCSpace(s[i])) i++; };
  const softStart = i;
  const soft = limit();
  if (soft === null) return { ok: false, at: softStart };
  const emptySoft = i === softStart;
  skip();
  if (s[i] === ':') i++;
  else if (i < s.length) return { ok: false, at: i };
  skip();
  let hard = soft;
  if (i < s.length) {
    const hardStart = i;
    const h = limit();
    if (h === null) return { ok: false, at: hardStart };
    hard = h;
    skip();
    if (i < s.length) return { ok: false, at: i };
  }
  return { ok: true, soft, hard, emptySoft: emptySoft && s.includes(':'), wrapped };
}

// ---------------------------------------------------------------------------------------------- time offsets

export type TimeOffsetResult =
  | { ok: true; value: bigint; unit: string; numberEnd: number }
  | { ok: false; reason: 'number' | 'unit' | 'range' | 'negative-5.0'; value?: bigint; unit?: string; numberEnd?: number };

const UNIT_MULT: Record<string, bigint> = { h: 3600n, m: 60n, s: 1n, ms: 1000000n, us: 1000n, ns: 1n };

/**
 * set_config_time_offset_*(): lxc_safe_int64_residual (base 10) with a residual of at most 2 bytes, trimmed,
 * which must be a unit. 5.0.x's multiply_overflow() rejects every negative value it multiplies (h, m, ms, us);
 * 6.0 switched to check_mul_overflow().
 */
export function parseTimeOffset(s: string, version: LxcVersion): TimeOffsetResult {
  const r = cStrtoBig(s, 10);
  if (r.end === 0) return { ok: false, reason: 'number' };
  let value = r.negative ? -r.value : r.value;
  if (value > INT64_MAX) return { ok: false, reason: 'range' };
  if (value < INT64_MIN) value = INT64_MIN; // strtoll clamps; liblxc only checks the positive overflow
  const residual = s.slice(r.end);
  if (residual.length >= 3) return { ok: false, reason: 'unit', unit: residual.trim(), value, numberEnd: r.end };
  const unit = residual.replace(/^[ \t]+/, '').replace(/[ \t\n]+$/, '');
  const mult = UNIT_MULT[unit];
  if (mult === undefined) return { ok: false, reason: 'unit', unit, value, numberEnd: r.end };
  if (mult !== 1n) {
    if (version === '5.0') {
      if (value < 0n) return { ok: false, reason: 'negative-5.0', value, unit, numberEnd: r.end };
      if (value > INT64_MAX / mult) return { ok: false, reason: 'range' };
    } else {
      const p = value * mult;
      if (p > INT64_MAX || p < INT64_MIN) return { ok: false, reason: 'range' };
    }
  }
  return { ok: true, value, unit, numberEnd: r.end };
}

// ---------------------------------------------------------------------------------------------- paths

/** lxc_path_simplify(): collapse `//`, drop `/./` and a leading `./`, drop a trailing `/`; `..` is kept. */
export function lxcPathSimplify(path: string): string {
  if (path === '') return '';
  const absolute = path.startsWith('/');
  let f = 0;
  let ignoreSlash = false;
  let slash = false;
  let out = '';
  if (path[0] === '.' && (path.length === 1 || path[1] === '/')) {
    ignoreSlash = true;
    f++;
  }
  for (; f < path.length; f++) {
    const c = path[f]!;
    if (c === '/') {
      slash = true;
      continue;
    }
    if (slash) {
      if (c === '.' && (f + 1 === path.length || path[f + 1] === '/')) continue;
      slash = false;
      if (ignoreSlash) ignoreSlash = false;
      else out += '/';
    }
    out += c;
  }
  if (out === '') out = absolute ? '/' : '.';
  return out;
}

export const PATH_MAX = 4096;
