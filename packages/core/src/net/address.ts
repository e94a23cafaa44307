/**
 * The values of `ipv4.address`, `ipv6.address`, `ipv4.gateway`, `ipv6.gateway` and the veth routes, read
 * in the same order and with the same helpers as liblxc's setters (confile.c), so the first failing part
 * is the one LXC complains about.
 */
import { safeUint, safeUintNumber } from '../values/numbers';
import { ipv4Bits, parseIPv4, parseIPv6, parseIPv6Into } from './inet';

export type IPv4AddressError =
  /** The part before `/` (or the whole value) is not a dotted quad: `Invalid ipv4 address`. */
  | { kind: 'address'; text: string }
  /** The text after the first space is not a dotted quad: `Invalid ipv4 broadcast address`. */
  | { kind: 'broadcast'; text: string }
  /** The prefix is not a number lxc_safe_uint accepts (bare EINVAL). */
  | { kind: 'prefix'; text: string }
  /** The prefix is a number above 32 (bare EINVAL). */
  | { kind: 'prefix-range'; text: string; value: number };

export interface IPv4Address {
  addr: Uint8Array;
  /** The prefix LXC uses: the written one, or the one config_ip_prefix() derives. */
  prefix: number;
  /** The prefix text as written, undefined when there is none. */
  prefixText: string | undefined;
  broadcast: Uint8Array | undefined;
  broadcastText: string | undefined;
}

export type Parsed<T, E> = { ok: true; value: T } | { ok: false; error: E };

/**
 * `A.B.C.D[/P][ BCAST]` as set_config_net_ipv4_address() reads it: the broadcast starts after the first
 * space (so two spaces leave a space in front of it and fail), then the prefix after the first `/` of
 * what is left, then the address, the broadcast, the prefix, in that order.
 */
export function parseIPv4AddressValue(value: string): Parsed<IPv4Address, IPv4AddressError> {
  let rest = value;
  let broadcastText: string | undefined;
  const space = rest.indexOf(' ');
  if (space >= 0) {
    broadcastText = rest.slice(space + 1);
    rest = rest.slice(0, space);
  }
  let prefixText: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    prefixText = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  const addr = parseIPv4(rest);
  if (!addr) return { ok: false, error: { kind: 'address', text: rest } };
  let broadcast: Uint8Array | undefined;
  if (broadcastText !== undefined) {
    broadcast = parseIPv4(broadcastText);
    if (!broadcast) return { ok: false, error: { kind: 'broadcast', text: broadcastText } };
  }
  let prefix: number;
  if (prefixText !== undefined) {
    const p = safeUintNumber(prefixText);
    if (p < 0) return { ok: false, error: { kind: 'prefix', text: prefixText } };
    if (p > 32) return { ok: false, error: { kind: 'prefix-range', text: prefixText, value: p } };
    prefix = p;
  } else {
    prefix = derivedIPv4Prefix(addr);
  }
  return { ok: true, value: { addr, prefix, prefixText, broadcast, broadcastText } };
}

/**
 * What config_ip_prefix() returns on a little-endian host (x86, arm64): it applies IN_CLASSA/B/C to the
 * address still in network byte order, so the test sees the LAST octet as the high byte.
 */
export function derivedIPv4Prefix(addr: Uint8Array): number {
  return classfulPrefix(addr[3]!);
}

/** The classful prefix the address's first octet would give (what the code meant to do). */
export function intendedIPv4Prefix(addr: Uint8Array): number {
  return classfulPrefix(addr[0]!);
}

function classfulPrefix(highByte: number): number {
  if (highByte < 128) return 8;
  if (highByte < 192) return 16;
  if (highByte < 224) return 24;
  return 0;
}

export type IPv6AddressError =
  | { kind: 'address'; text: string }
  /** lxc_safe_uint rejected the prefix (anything after it, a sign, nothing at all). */
  | { kind: 'prefix'; text: string };

export interface IPv6Address {
  addr: Uint8Array;
  /** The prefix as stored (default 64); liblxc does not range-check it. */
  prefix: number;
  prefixText: string | undefined;
}

/** `ADDR[/P]` as set_config_net_ipv6_address() reads it: the prefix is checked before the address. */
export function parseIPv6AddressValue(value: string): Parsed<IPv6Address, IPv6AddressError> {
  let rest = value;
  let prefixText: string | undefined;
  let prefix = 64;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    prefixText = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
    const p = safeUintNumber(prefixText);
    if (p < 0) return { ok: false, error: { kind: 'prefix', text: prefixText } };
    prefix = p;
  }
  const addr = parseIPv6(rest);
  if (!addr) return { ok: false, error: { kind: 'address', text: rest } };
  return { ok: true, value: { addr, prefix, prefixText } };
}

/**
 * What the lint reads of every address value: parseIPv4AddressValue()'s answer with the address as a signed
 * 32-bit number (first octet in the high byte) instead of bytes and texts, one small object per value.
 * ipv4BytesOf() gives the bytes (for messages and the rare comparisons that need them).
 */
export interface IPv4Summary {
  ok: true;
  bits: number;
  prefix: number;
  /** Whether the value has a prefix (prefixText !== undefined). */
  hasPrefix: boolean;
}

/**
 * parseIPv4AddressValue() without slices and byte arrays on the way to a valid value; a value it rejects is
 * read again by parseIPv4AddressValue(), whose error this returns (perf-equivalence-net checks both agree).
 */
export function summarizeIPv4AddressValue(value: string): IPv4Summary | { ok: false; error: IPv4AddressError } {
  const space = value.indexOf(' ');
  const end = space >= 0 ? space : value.length;
  let slash = value.indexOf('/');
  if (slash >= end) slash = -1;
  const bits = ipv4Bits(value, 0, slash >= 0 ? slash : end);
  if (bits < 0 || (space >= 0 && ipv4Bits(value, space + 1, value.length) < 0)) return slowIPv4(value);
  let prefix: number;
  if (slash >= 0) {
    prefix = decimalUint(value, slash + 1, end);
    if (prefix < 0) prefix = safeUintNumber(value.slice(slash + 1, end));
    if (prefix < 0 || prefix > 32) return slowIPv4(value);
  } else {
    prefix = classfulPrefix(bits & 0xff); // derivedIPv4Prefix(): the last octet decides
  }
  return { ok: true, bits: bits | 0, prefix, hasPrefix: slash >= 0 };
}

function slowIPv4(value: string): { ok: false; error: IPv4AddressError } {
  const p = parseIPv4AddressValue(value);
  if (p.ok) throw new Error(`summarizeIPv4AddressValue and parseIPv4AddressValue disagree on ${JSON.stringify(value)}`);
  return p;
}

/**
 * The IPv6 counterpart: the address as four signed 32-bit words (w0 holds the first two groups), a
 * value it rejects read again by parseIPv6AddressValue() for its error. ipv6BytesOf() gives the bytes.
 */
export interface IPv6Summary {
  ok: true;
  w0: number;
  w1: number;
  w2: number;
  w3: number;
  prefix: number;
}

/** Scratch bytes for summarizeIPv6AddressValue (read right after each parse, never kept). */
const SCRATCH6 = new Uint8Array(16);

export function summarizeIPv6AddressValue(value: string): IPv6Summary | { ok: false; error: IPv6AddressError } {
  const slash = value.indexOf('/');
  let prefix = 64;
  if (slash >= 0) {
    prefix = decimalUint(value, slash + 1, value.length);
    if (prefix < 0) prefix = safeUintNumber(value.slice(slash + 1));
    if (prefix < 0) return slowIPv6(value);
  }
  const b = SCRATCH6;
  if (!parseIPv6Into(value, 0, slash >= 0 ? slash : value.length, b)) return slowIPv6(value);
  return { ok: true, w0: word(b, 0), w1: word(b, 4), w2: word(b, 8), w3: word(b, 12), prefix };
}

/** Four bytes from `at` as a signed 32-bit word. */
function word(b: Uint8Array, at: number): number {
  return (b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!;
}

function slowIPv6(value: string): { ok: false; error: IPv6AddressError } {
  const p = parseIPv6AddressValue(value);
  if (p.ok) throw new Error(`summarizeIPv6AddressValue and parseIPv6AddressValue disagree on ${JSON.stringify(value)}`);
  return p;
}

/** The sixteen bytes of a summary. */
export function ipv6BytesOf(a: IPv6Summary): Uint8Array {
  const out = new Uint8Array(16);
  const words = [a.w0, a.w1, a.w2, a.w3];
  for (let i = 0; i < 16; i++) out[i] = (words[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}

/**
 * `text[from, to)` as lxc_safe_uint reads it when it is 1 to 9 plain decimal digits without a leading zero
 * (or `0`): the common prefix, read without slicing. -1 for anything else (the caller then asks safeUintNumber).
 */
function decimalUint(text: string, from: number, to: number): number {
  const len = to - from;
  if (len < 1 || len > 9 || (len > 1 && text.charCodeAt(from) === 48)) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export type GatewayValue =
  | { kind: 'auto' }
  | { kind: 'dev' }
  | { kind: 'address'; addr: Uint8Array };

/** `auto`, `dev` or a bare address (no prefix) of the family: set_config_net_ipv{4,6}_gateway(). */
export function parseGatewayValue(value: string, family: 4 | 6): GatewayValue | undefined {
  if (value === 'auto') return { kind: 'auto' };
  if (value === 'dev') return { kind: 'dev' };
  const addr = family === 4 ? parseIPv4(value) : parseIPv6(value);
  return addr ? { kind: 'address', addr } : undefined;
}

export type RouteError =
  | { kind: 'no-prefix' }
  | { kind: 'prefix'; text: string }
  | { kind: 'prefix-range'; text: string; value: number; max: number }
  | { kind: 'address'; text: string };

/** `ADDR/P` with a required prefix (veth.ipv4.route, veth.ipv6.route): prefix first, then the address. */
export function parseRouteValue(value: string, family: 4 | 6): Parsed<{ addr: Uint8Array; prefix: number }, RouteError> {
  const slash = value.indexOf('/');
  if (slash < 0) return { ok: false, error: { kind: 'no-prefix' } };
  const prefixText = value.slice(slash + 1);
  if (prefixText === '') return { ok: false, error: { kind: 'no-prefix' } };
  const max = family === 4 ? 32 : 128;
  const p = safeUint(prefixText);
  if (!p.ok) return { ok: false, error: { kind: 'prefix', text: prefixText } };
  if (p.value > BigInt(max)) return { ok: false, error: { kind: 'prefix-range', text: prefixText, value: Number(p.value), max } };
  const text = value.slice(0, slash);
  const addr = family === 4 ? parseIPv4(text) : parseIPv6(text);
  if (!addr) return { ok: false, error: { kind: 'address', text } };
  return { ok: true, value: { addr, prefix: Number(p.value) } };
}
