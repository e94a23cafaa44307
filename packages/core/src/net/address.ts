/**
 * The values of `ipv4.address`, `ipv6.address`, `ipv4.gateway`, `ipv6.gateway` and the veth routes, read
 * in the same order and with the same helpers as liblxc's setters (confile.c), so the first failing part
 * is the one LXC complains about.
 */
import { safeUint, safeUintNumber } from '../values/numbers';
import { parseIPv4, parseIPv6 } from './inet';

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
