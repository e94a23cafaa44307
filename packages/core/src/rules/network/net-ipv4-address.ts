import { formatIPv4, ipv4BytesOf, parseIPv6, withHostBits } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { isEffective, parsedEntries, valuePartRange } from './util';

/** Why a dotted quad failed inet_pton, in words. */
export function ipv4Hint(text: string): string {
  if (parseIPv6(text)) return ' (that is an IPv6 address: use ipv6.address)';
  if (/(^|\.)0\d/.test(text)) return ' (no leading zeros: LXC rejects "010")';
  if (/^\d+(\.\d+){0,2}$/.test(text)) return ' (write all four octets)';
  if (/\s/.test(text)) return ' (unexpected whitespace)';
  return '';
}

export default defineRule({
  id: 'net-ipv4-address',
  category: 'network',
  severity: 'error',
  summary: 'An `ipv4.address` LXC refuses, or a network/broadcast address used as a host address',
  docs: {
    description:
      'An IPv4 address is written `A.B.C.D/PREFIX`, optionally followed by exactly one space and a broadcast address. ' +
      'LXC accepts only a full dotted quad without leading zeros (`10.1` and `10.0.0.010` are refused), a prefix from ' +
      '0 to 32 (read as a C number: `/0x10` is 16), and a broadcast after a single space (two spaces or a tab are ' +
      'refused). Any of these makes the config fail to load. An address whose host bits are all zeros or all ones is ' +
      'the network or broadcast address of its subnet; the kernel assigns it, but it does not work as a host address ' +
      '(a warning).',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.010/24\nlxc.net.0.ipv4.address = 198.51.100.0/24',
    good: 'lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.0.2.10/24\nlxc.net.0.ipv4.address = 198.51.100.1/24',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['ipv4.address']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const value = entry.value;
      const p = ctx.analysis.ipv4Address(entry);
      if (!p.ok) {
        const e = p.error;
        const space = value.indexOf(' ');
        const slash = value.indexOf('/');
        const addrEnd = slash >= 0 && (space < 0 || slash < space) ? slash : space >= 0 ? space : value.length;
        switch (e.kind) {
          case 'address':
            ctx.report({ doc: entry.doc, ...valuePartRange(entry, 0, addrEnd), message: `Invalid IPv4 address ${q(e.text)} in ${q(entry.key)}${ipv4Hint(e.text)}: LXC refuses to load the config` });
            break;
          case 'broadcast': {
            const hint = /^\s/.test(e.text) ? ' (put exactly one space before the broadcast address)' : ipv4Hint(e.text);
            ctx.report({ doc: entry.doc, ...valuePartRange(entry, space + 1, value.length), message: `Invalid IPv4 broadcast address ${q(e.text)} in ${q(entry.key)}${hint}: LXC refuses to load the config` });
            break;
          }
          case 'prefix': {
            const hint = /\s/.test(e.text) ? ' (separate a broadcast address with exactly one space)' : e.text === '' ? ' (nothing after "/")' : '';
            ctx.report({ doc: entry.doc, ...valuePartRange(entry, slash + 1, slash + 1 + e.text.length), message: `Invalid IPv4 prefix ${q(e.text)} in ${q(entry.key)}${hint}: it must be a number from 0 to 32, LXC refuses to load the config` });
            break;
          }
          case 'prefix-range':
            ctx.report({ doc: entry.doc, ...valuePartRange(entry, slash + 1, slash + 1 + e.text.length), message: `IPv4 prefix /${e.value} in ${q(entry.key)} is above 32: LXC refuses to load the config` });
            break;
        }
        continue;
      }
      if (!isEffective(ctx, entry)) continue;
      // /31 and /32 have no network or broadcast address.
      if (p.prefix > 30) continue;
      // The same test as comparing the address with its network and broadcast address, without building them:
      // the host bits all 0 or all 1 (prefix 0: every bit is a host bit).
      const host = (2 ** (32 - p.prefix) - 1) | 0;
      const which = (p.bits & host) === 0 ? 'network' : (p.bits & host) === host ? 'broadcast' : undefined;
      if (!which) continue;
      const addr = ipv4BytesOf(p.bits);
      const net = withHostBits(addr, p.prefix, 0);
      ctx.report({
        doc: entry.doc,
        ...valueRange(entry),
        severity: 'warning',
        message: `${formatIPv4(addr)} is the ${which} address of ${formatIPv4(net)}/${p.prefix} (${q(entry.key)}${p.hasPrefix ? '' : `, prefix /${p.prefix} derived by LXC`}): it does not work as the container's address`,
      });
    }
  },
});
