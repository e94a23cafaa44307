import { parseIPv4 } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { isEffective, parsedEntries, valuePartRange } from './util';

/** Why an IPv6 text failed inet_pton, in words. */
export function ipv6Hint(text: string): string {
  if (parseIPv4(text)) return ' (that is an IPv4 address: use ipv4.address)';
  if (text.includes('%')) return ' (a zone such as "%eth0" is not allowed)';
  if (text.startsWith('[') || text.endsWith(']')) return ' (no brackets)';
  if ((text.match(/::/g) ?? []).length > 1) return ' ("::" may appear only once)';
  if (/[0-9a-fA-F]{5,}/.test(text)) return ' (at most 4 hex digits per group)';
  return '';
}

export default defineRule({
  id: 'net-ipv6-address',
  category: 'network',
  severity: 'error',
  summary: 'An `ipv6.address` LXC refuses, or a prefix the kernel refuses',
  docs: {
    description:
      'An IPv6 address is written `ADDRESS/PREFIX` (the prefix defaults to 64). The address must be plain text as ' +
      'inet_pton reads it: no brackets, no zone (`%eth0`), at most one `::`. The prefix is read as a C number and ' +
      'nothing may follow it. LXC refuses to load a config that breaks these rules. LXC does not range-check the prefix ' +
      'while loading; the kernel gets it as one byte when the container starts, so a prefix above 128 fails the start, ' +
      'and one above 255 wraps around (256 becomes 0).',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.ipv6.address = [2001:db8::10]/64',
    good: 'lxc.net.0.type = veth\nlxc.net.0.ipv6.address = 2001:db8::10/64',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['ipv6.address']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const value = entry.value;
      const slash = value.indexOf('/');
      const p = ctx.analysis.ipv6Address(entry);
      if (!p.ok) {
        const e = p.error;
        if (e.kind === 'prefix') {
          const hint = e.text === '' ? ' (nothing after "/")' : /\s/.test(e.text) ? ' (nothing may follow the prefix)' : '';
          ctx.report({ doc: entry.doc, ...valuePartRange(entry, slash + 1, value.length), message: `Invalid IPv6 prefix ${q(e.text)} in ${q(entry.key)}${hint}: it must be a number, LXC refuses to load the config` });
        } else {
          ctx.report({ doc: entry.doc, ...valuePartRange(entry, 0, slash >= 0 ? slash : value.length), message: `Invalid IPv6 address ${q(e.text)} in ${q(entry.key)}${ipv6Hint(e.text)}: LXC refuses to load the config` });
        }
        continue;
      }
      if (!isEffective(ctx, entry) || p.prefix <= 128) continue;
      // ifa_prefixlen is one byte: the kernel sees the prefix modulo 256.
      const sent = p.prefix % 256;
      ctx.report({
        doc: entry.doc,
        ...(slash >= 0 ? valuePartRange(entry, slash + 1, value.length) : valueRange(entry)),
        ...(sent > 128
          ? { message: `IPv6 prefix /${p.prefix} in ${q(entry.key)} is above 128: LXC loads it, but the kernel refuses it and the container fails to start` }
          : { severity: 'warning' as const, message: `IPv6 prefix /${p.prefix} in ${q(entry.key)} is above 128: the kernel gets it as one byte and uses /${sent}` }),
      });
    }
  },
});
