import { interfaceLabel, netEntry, netSubkeyOf, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { ipv6BytesOf, parseGatewayValue } from '../../net/address';
import { bytesEqual, formatIPv4, formatIPv6, ipv4BytesOf, isIPv6LinkLocal, parseIPv4, parseIPv6, samePrefix } from '../../net/inet';
import { q } from '../../util/quote';
import { defineRule, valueRange, type RuleContext } from '../types';
import { knownType, parsedEntries } from './util';

/** Types whose interface is configured inside the container (addresses, gateway). */
const CONFIGURED = ['veth', 'macvlan', 'ipvlan', 'vlan', 'phys'];

function parseError(ctx: RuleContext, entry: ConfigEntry, family: 4 | 6): void {
  const v = entry.value;
  let hint = '';
  if (v.includes('/')) hint = ' (a gateway is a single address, without a prefix)';
  else if (family === 4 ? parseIPv6(v) : parseIPv4(v)) hint = ` (that is an IPv${family === 4 ? 6 : 4} address: use ipv${family === 4 ? 6 : 4}.gateway)`;
  else if (/^(auto|dev)$/i.test(v)) hint = ` (write ${q(v.toLowerCase())} in lower case)`;
  ctx.report({
    doc: entry.doc,
    ...valueRange(entry),
    message: `Invalid IPv${family} gateway ${q(v)} for ${q(entry.key)}${hint}: it must be "auto", "dev" or an IPv${family} address; LXC refuses to load the config`,
  });
}

/** Addresses (with their prefix) of one family on the interface, as LXC will assign them. */
function addresses(ctx: RuleContext, iface: NetworkInterface, family: 4 | 6): Array<{ addr: Uint8Array; prefix: number }> {
  const out: Array<{ addr: Uint8Array; prefix: number }> = [];
  for (const e of iface.keys.get(family === 4 ? 'ipv4.address' : 'ipv6.address') ?? []) {
    const p = family === 4 ? ctx.analysis.ipv4Address(e) : ctx.analysis.ipv6Address(e);
    if (p.ok) out.push({ addr: 'bits' in p ? ipv4BytesOf(p.bits) : ipv6BytesOf(p), prefix: p.prefix });
  }
  return out;
}

/** Exported for the equivalence test of the loop in check(). */
export function checkInterface(ctx: RuleContext, iface: NetworkInterface, family: 4 | 6): void {
  const type = knownType(iface);
  if (!type || !CONFIGURED.includes(type)) return;
  const sub = family === 4 ? 'ipv4.gateway' : 'ipv6.gateway';
  const last = netEntry(iface, sub);
  const dev = iface.gatewayDev[family === 4 ? 'ipv4' : 'ipv6'];
  const lastValue = last ? parseGatewayValue(last.value, family) : undefined;
  if (last && !lastValue) return; // a load error, reported above
  if (!last && !dev) return;
  const label = interfaceLabel(iface);
  const fmt = (a: Uint8Array) => (family === 4 ? formatIPv4(a) : formatIPv6(a));

  // `dev` survives later values and clears: the interface gets a device route whatever comes after.
  if (dev && last && last !== dev) {
    ctx.report({
      doc: last.doc,
      ...valueRange(last),
      severity: 'warning',
      message: `${q(last.key)} = ${q(last.value)} has no effect: ${q(dev.key)} was set to "dev" on line ${dev.line.line + 1}, which sticks, so LXC still adds a device route`,
    });
  }
  const entry = dev ?? last!;
  const kind = dev ? 'dev' : lastValue!.kind;

  // A last `auto` is looked up at start even when `dev` stuck from an earlier line.
  if (lastValue?.kind === 'auto') {
    if (type !== 'veth' && type !== 'macvlan') {
      ctx.report({ doc: last!.doc, ...valueRange(last!), message: `${q(last!.key)} = auto works only for veth and macvlan interfaces, not ${type}: the container fails to start ("Automatic gateway detection is only supported for veth and macvlan")` });
      return;
    }
    if (!netEntry(iface, 'link')) {
      ctx.report({ doc: last!.doc, ...valueRange(last!), message: `${q(last!.key)} = auto takes the gateway from the host link, but ${label} has no link: the container fails to start` });
      return;
    }
  }
  if (!netEntry(iface, 'flags')) {
    ctx.report({ doc: entry.doc, ...valueRange(entry), message: `${q(entry.key)} needs the interface brought up, but ${label} has no \`flags = up\`: the container fails to start ("Cannot add ipv${family} gateway ... when not bringing up the interface")` });
    return;
  }
  const own = addresses(ctx, iface, family);
  const gw = lastValue?.kind === 'address' && !dev ? lastValue.addr : undefined;
  if (own.length === 0) {
    if (family === 6 && gw && isIPv6LinkLocal(gw)) return; // a link-local gateway needs no address
    // Addresses were written but none parses: that is already an error on those lines; don't pile on.
    if ((iface.keys.get(`ipv${family}.address`)?.length ?? 0) > 0) return;
    ctx.report({
      doc: entry.doc,
      ...valueRange(entry),
      ...(family === 6 && kind === 'auto'
        ? { severity: 'warning' as const, message: `${q(entry.key)} = auto without an ipv6.address on ${label}: the start fails unless the host link's first IPv6 address is link-local` }
        : { message: `${q(entry.key)} is set but ${label} has no ipv${family}.address: the container fails to start ("Cannot add ipv${family} gateway ... when not assigning an address")` }),
    });
    return;
  }
  if (!gw) return;
  if (own.some((a) => bytesEqual(a.addr, gw))) {
    ctx.report({ doc: entry.doc, ...valueRange(entry), severity: 'warning', message: `Gateway ${fmt(gw)} in ${q(entry.key)} is the interface's own address: the default route points back at the container` });
    return;
  }
  if (family === 6 && isIPv6LinkLocal(gw)) return;
  if (!own.some((a) => samePrefix(a.addr, gw, a.prefix))) {
    const nets = own.map((a) => `${fmt(a.addr)}/${a.prefix}`).join(', ');
    ctx.report({
      doc: entry.doc,
      ...valueRange(entry),
      severity: 'warning',
      message: `Gateway ${fmt(gw)} in ${q(entry.key)} is outside the interface's subnet (${nets}): LXC then adds a host route to reach it, which works only if the gateway is really on that link; check for a typo or a wrong prefix`,
    });
  }
}

/** The interfaces the entries of this subkey applied to. */
function withEntries(ctx: RuleContext, sub: string): Set<NetworkInterface | undefined> {
  const set = new Set<NetworkInterface | undefined>();
  const list = ctx.analysis.netEntriesOf(sub);
  for (let i = 0; i < list.length; i++) set.add(ctx.network.interfaceOf.get(list[i]!));
  return set;
}

export default defineRule({
  id: 'net-gateway',
  category: 'network',
  severity: 'error',
  summary: 'A gateway LXC refuses, or one that makes the container fail to start',
  docs: {
    description:
      '`ipv4.gateway` and `ipv6.gateway` take `auto`, `dev` or a single address of the right family; anything else ' +
      'makes the config fail to load. At start a gateway needs `flags = up` and at least one address of that family on ' +
      'the interface (an IPv6 link-local gateway needs none); `auto` works only for veth and macvlan (the manual also ' +
      'lists ipvlan, but the code refuses it) and needs a `link`. Otherwise the container fails to start. Once `dev` is ' +
      'set it sticks: a later address or `auto` for the same interface is ignored (a warning). A gateway outside the ' +
      'interface\'s subnets still works through an extra host route, but is usually a typo (a warning).',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\nlxc.net.0.ipv4.address = 192.0.2.10/24\nlxc.net.0.ipv4.gateway = 192.0.2.1/24',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\nlxc.net.0.flags = up\nlxc.net.0.ipv4.address = 192.0.2.10/24\nlxc.net.0.ipv4.gateway = 192.0.2.1',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['ipv4.gateway', 'ipv6.gateway']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const family = netSubkeyOf(entry) === 'ipv4.gateway' ? 4 : 6;
      if (!parseGatewayValue(entry.value, family)) parseError(ctx, entry, family);
    }
    // Only interfaces that got a gateway line have anything to check (checkInterface() returns at once for the
    // others): find them from the indexed gateway entries instead of asking each interface.
    const v4 = withEntries(ctx, 'ipv4.gateway');
    const v6 = withEntries(ctx, 'ipv6.gateway');
    if (v4.size === 0 && v6.size === 0) return;
    for (const iface of ctx.network.interfaces) {
      if (v4.has(iface)) checkInterface(ctx, iface, 4);
      if (v6.has(iface)) checkInterface(ctx, iface, 6);
    }
  },
});
