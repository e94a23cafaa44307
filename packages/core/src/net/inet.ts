/**
 * IPv4 and IPv6 text → bytes exactly as glibc's inet_pton() accepts them (resolv/inet_pton.c), which is
 * what liblxc calls for every address, gateway, broadcast and route:
 * - IPv4: exactly four decimal octets 0-255 separated by single dots; no leading zeros (`010` is
 *   rejected, `0` alone is fine), no hex, no shorthand (`10.1`), nothing before or after.
 * - IPv6: up to eight groups of 1-4 hex digits, one `::` that must stand for at least one group, an
 *   optional trailing dotted quad in the last 32 bits, no zone (`%eth0`), no brackets.
 */

/** The value of a hex digit's character code, or -1 (also for NaN, charCodeAt past the end). */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** inet_pton(AF_INET): four bytes, or undefined when glibc rejects the text. */
export function parseIPv4(text: string): Uint8Array | undefined {
  const bits = ipv4Bits(text, 0, text.length);
  return bits < 0 ? undefined : ipv4BytesOf(bits);
}

/**
 * inet_pton(AF_INET) of `text[from, to)`: the address as an unsigned 32-bit number (first octet in the high
 * byte), or -1 when glibc rejects it. Char codes and numbers only: this runs for every address value.
 */
export function ipv4Bits(text: string, from: number, to: number): number {
  let octets = 0;
  let sawDigit = false;
  let cur = 0;
  let done = 0; // the completed octets, big-endian
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A leading zero may not be followed by another digit.
      if (sawDigit && cur === 0) return -1;
      const next = cur * 10 + (c - 48);
      if (next > 255) return -1;
      cur = next;
      if (!sawDigit) {
        if (++octets > 4) return -1;
        sawDigit = true;
      }
    } else if (c === 46 && sawDigit) {
      if (octets === 4) return -1;
      done = done * 256 + cur;
      cur = 0;
      sawDigit = false;
    } else {
      return -1;
    }
  }
  if (octets < 4) return -1;
  return done * 256 + cur;
}

/** The four bytes of an address given as a 32-bit number (signed or unsigned). */
export function ipv4BytesOf(bits: number): Uint8Array {
  const out = new Uint8Array(4);
  out[0] = (bits >>> 24) & 0xff;
  out[1] = (bits >>> 16) & 0xff;
  out[2] = (bits >>> 8) & 0xff;
  out[3] = bits & 0xff;
  return out;
}

/** inet_pton(AF_INET6): sixteen bytes, or undefined when glibc rejects the text. */
export function parseIPv6(text: string): Uint8Array | undefined {
  const out = new Uint8Array(16);
  return parseIPv6Into(text, 0, text.length, out) ? out : undefined;
}

/**
 * inet_pton(AF_INET6) of `text[from, to)` into `tmp` (sixteen bytes): false when glibc rejects the text (tmp
 * then holds garbage). Callers that keep only numbers pass one scratch array instead of allocating one.
 */
export function parseIPv6Into(text: string, from: number, to: number, tmp: Uint8Array): boolean {
  let tp = 0;
  let colonp = -1;
  let i = from;
  const n = to;
  if (n === from) return false;
  // A leading `:` must be the start of `::`.
  // Character codes, not one-character strings: this runs for every address value. (58 ':', 46 '.')
  if (text.charCodeAt(from) === 58) {
    i = from + 1;
    if (i === n || text.charCodeAt(i) !== 58) return false;
  }
  let curtok = i;
  let digits = 0;
  let val = 0;
  while (i < n) {
    const ch = text.charCodeAt(i++);
    const d = hexValue(ch);
    if (d >= 0) {
      if (digits === 4) return false;
      val = (val << 4) | d;
      digits++;
      continue;
    }
    if (ch === 58) {
      curtok = i;
      if (digits === 0) {
        if (colonp >= 0) return false;
        colonp = tp;
        continue;
      } else if (i === n) {
        return false; // a trailing single `:`
      }
      if (tp + 2 > 16) return false;
      tmp[tp++] = (val >> 8) & 0xff;
      tmp[tp++] = val & 0xff;
      digits = 0;
      val = 0;
      continue;
    }
    if (ch === 46 && tp + 4 <= 16) {
      // The current group was really the start of a dotted quad: re-read it from the group's start.
      const v4 = ipv4Bits(text, curtok, n);
      if (v4 >= 0) {
        tmp[tp++] = (v4 >>> 24) & 0xff;
        tmp[tp++] = (v4 >>> 16) & 0xff;
        tmp[tp++] = (v4 >>> 8) & 0xff;
        tmp[tp++] = v4 & 0xff;
        digits = 0;
        break;
      }
    }
    return false;
  }
  if (digits > 0) {
    if (tp + 2 > 16) return false;
    tmp[tp++] = (val >> 8) & 0xff;
    tmp[tp++] = val & 0xff;
  }
  if (colonp >= 0) {
    // `::` has to stand for at least one group.
    if (tp === 16) return false;
    // tmp.copyWithin(16 - moved, colonp, tp) and tmp.fill(0, colonp, 16 - moved), by hand (16 bytes at most:
    // cheaper than two builtin calls). The groups move right, so copy from the last one.
    const moved = tp - colonp;
    for (let k = moved - 1; k >= 0; k--) tmp[16 - moved + k] = tmp[colonp + k]!;
    for (let k = colonp; k < 16 - moved; k++) tmp[k] = 0;
    tp = 16;
  }
  return tp === 16;
}

export function formatIPv4(bytes: Uint8Array): string {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

/** RFC 5952 text (lower case, longest zero run compressed) for messages. */
export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Whether two addresses of the same family share the first `prefix` bits. */
export function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  if (a.length !== b.length) return false;
  const bits = Math.max(0, Math.min(prefix, a.length * 8));
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole]! & mask) === (b[whole]! & mask);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The address with all host bits (after `prefix`) set to `bit` (0: network address, 1: broadcast). */
export function withHostBits(addr: Uint8Array, prefix: number, bit: 0 | 1): Uint8Array {
  const out = new Uint8Array(addr);
  for (let i = prefix; i < addr.length * 8; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    out[byte] = bit ? out[byte]! | mask : out[byte]! & ~mask;
  }
  return out;
}

/** fe80::/10, which the kernel reaches without a global address (liblxc allows such a gateway alone). */
export function isIPv6LinkLocal(addr: Uint8Array): boolean {
  return addr[0] === 0xfe && (addr[1]! & 0xc0) === 0x80;
}
