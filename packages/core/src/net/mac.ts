/**
 * `hwaddr` values: LXC keeps the text as written (after replacing every `x`/`X` with a random hex digit,
 * rand_complete_hwaddr) and converts it only at start, in lxc_convert_mac() (network.c):
 * up to six groups of one or two hex digits, each optionally followed by `:`; a one-digit group is the
 * low nibble; two digits in a row without `:` still end the group, so `aabbccddeeff` is six octets; any
 * other character fails; text after the sixth group is ignored; fewer than six groups is not an error,
 * the missing bytes are whatever was on the stack.
 */

import { hexValue } from './inet';

export interface MacByte {
  value: number;
  /** Offset of the high nibble's character (undefined for a one-digit group: the high nibble is 0). */
  hi: number | undefined;
  /** Offset of the low nibble's character. */
  lo: number;
}

export type MacParse =
  | { ok: true; bytes: MacByte[]; /** Offset where reading stopped (text after it is ignored). */ end: number }
  | { ok: false; /** Offset of the character lxc_convert_mac rejects. */ at: number };

/**
 * lxc_convert_mac() over the text as written. `x`/`X` count as hex digits (LXC has replaced them by
 * the time it converts); their value here is 0, see `macRandomness` for what they can become.
 */
export function convertMac(text: string): MacParse {
  const bytes: MacByte[] = [];
  let i = 0;
  while (i < text.length && bytes.length < 6) {
    const first = macDigit(text, i);
    if (first < 0) return { ok: false, at: i };
    const start = i++;
    const second = i < text.length ? macDigit(text, i) : -1;
    if (second >= 0) {
      bytes.push({ value: (first << 4) | second, hi: start, lo: i });
      i++;
    } else if (i >= text.length || text.charCodeAt(i) === 58) {
      bytes.push({ value: first, hi: undefined, lo: start });
      if (i < text.length) i++;
    } else {
      return { ok: false, at: i };
    }
    if (text.charCodeAt(i) === 58) i++; // ':'
  }
  return { ok: true, bytes, end: i };
}

/** The hex digit at `i` as lxc_convert_mac() sees it (`x`/`X` as 0, see above), -1 for anything else. */
function macDigit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === 120 || c === 88 ? 0 : hexValue(c);
}

export interface MacRandomness {
  /** The value has `x` placeholders. */
  template: boolean;
  /** The multicast bit (low bit of the first octet) comes from a random digit that may be odd. */
  mayBeMulticast: boolean;
  /** Every fixed digit is 0, so the random ones can produce 00:00:00:00:00:00. */
  mayBeZero: boolean;
  /** How likely 00:00:00:00:00:00 is (0 when it cannot happen): 1/16 per random digit, 1/8 at offset 1. */
  zeroChance: number;
}

const isX = (c: string | undefined) => c === 'x' || c === 'X';

/** macRandomness() of an address without x digits (shared: callers only read it). */
const FIXED: MacRandomness = { template: false, mayBeMulticast: false, mayBeZero: false, zeroChance: 0 };

/** What the random digits of a template can do. Offset 1 is drawn from even digits only (unicast). */
export function macRandomness(text: string, bytes: MacByte[]): MacRandomness {
  const template = text.includes('x') || text.includes('X');
  // Without x digits nothing is random (the answer the code below gives, without its work).
  if (!template) return FIXED;
  const first = bytes[0];
  const mayBeMulticast = first !== undefined && isX(text[first.lo]) && first.lo !== 1;
  let zeroChance = template && bytes.length === 6 ? 1 : 0;
  let random = 0;
  const digit = (at: number | undefined) => {
    if (at === undefined) return;
    if (isX(text[at])) {
      random++;
      zeroChance /= at === 1 ? 8 : 16;
    } else if (hexValue(text.charCodeAt(at)) !== 0) {
      zeroChance = 0;
    }
  };
  for (const b of bytes) {
    digit(b.hi);
    digit(b.lo);
  }
  if (random === 0) zeroChance = 0;
  return { template, mayBeMulticast, mayBeZero: zeroChance > 0, zeroChance };
}

/** The six octets as `aa:bb:cc:dd:ee:ff`, `x` digits kept, for messages and duplicate checks. */
export function canonicalMac(text: string, bytes: MacByte[]): string {
  const nib = (at: number | undefined) => (at === undefined ? '0' : isX(text[at]) ? 'x' : text[at]!.toLowerCase());
  return bytes.map((b) => nib(b.hi) + nib(b.lo)).join(':');
}

/** The multicast bit is set by a fixed digit (`x` at offset 1 is always even, elsewhere see macRandomness). */
export function isMulticastMac(bytes: MacByte[]): boolean {
  return bytes.length > 0 && (bytes[0]!.value & 1) === 1;
}

/** All six octets are fixed zeros (a template that can produce zero is `macRandomness().mayBeZero`). */
export function isZeroMac(text: string, bytes: MacByte[]): boolean {
  if (bytes.length !== 6) return false;
  for (const b of bytes) if (b.value !== 0 || isX(text[b.lo]) || (b.hi !== undefined && isX(text[b.hi]))) return false;
  return true;
}

/** What the lint needs of most hardware addresses: convertMac() reduced to numbers (one small object per value). */
export type MacSummary =
  | {
    ok: true;
    /** Octets read (0-6). */
    count: number;
    /** Octets 0-2 and 3-5 as 24-bit numbers, the first octet in the high byte (octets not read are 0). */
    high: number;
    low: number;
    /** Offset where reading stopped (text after it is ignored). */
    end: number;
  }
  | { ok: false; at: number };

/**
 * convertMac() without a MacByte per octet: the same loop, keeping the octet values only (the digit offsets
 * are for the rare template and message paths, which call convertMac()). test/core/perf-equivalence-net.test.ts
 * checks it against convertMac().
 */
export function summarizeMac(text: string): MacSummary {
  let high = 0;
  let low = 0;
  let count = 0;
  let i = 0;
  while (i < text.length && count < 6) {
    const first = macDigit(text, i);
    if (first < 0) return { ok: false, at: i };
    i++;
    const second = i < text.length ? macDigit(text, i) : -1;
    let value: number;
    if (second >= 0) {
      value = (first << 4) | second;
      i++;
    } else if (i >= text.length || text.charCodeAt(i) === 58) {
      value = first;
      if (i < text.length) i++;
    } else {
      return { ok: false, at: i };
    }
    if (count < 3) high |= value << (8 * (2 - count));
    else low |= value << (8 * (5 - count));
    count++;
    if (text.charCodeAt(i) === 58) i++; // ':'
  }
  return { ok: true, count, high, low, end: i };
}

/** An octet of a summary (0-5). */
export function macOctet(mac: { high: number; low: number }, i: number): number {
  return i < 3 ? (mac.high >> (8 * (2 - i))) & 0xff : (mac.low >> (8 * (5 - i))) & 0xff;
}

/** Whether the text read (up to `end`) has an `x` placeholder. */
export function macHasX(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 120 || c === 88) return true;
  }
  return false;
}
