import { interfaceLabel, netEntry, netSubkeyOf, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { q } from '../../util/quote';
import { getU16, isNonDecimal } from '../../values/numbers';
import { defineRule, keyRange, valueRange, type RuleContext } from '../types';
import { isEffective, knownType, parsedEntries, vethMode } from './util';

/** VLAN ids the kernel uses: 0-4094 (4095 is reserved). */
const VLAN_MAX = 4094;

function octalNote(entry: ConfigEntry, value: bigint): string {
  return isNonDecimal(entry.value) === 'octal' ? ` (read as octal: ${value})` : '';
}

function checkVethStart(ctx: RuleContext, iface: NetworkInterface): void {
  const untagged = netEntry(iface, 'veth.vlan.id');
  const tagged = iface.keys.get('veth.vlan.tagged.id') ?? [];
  if (!untagged && tagged.length === 0) return;
  const mode = vethMode(iface);
  const link = netEntry(iface, 'link');
  const label = interfaceLabel(iface);
  if (mode !== 'bridge' || !link) {
    const why = mode !== 'bridge' ? `${label} is in ${mode ? `${q(mode)} mode` : 'no valid mode'}, not bridge mode` : `${label} has no link (bridge)`;
    for (const e of untagged ? [untagged, ...tagged] : tagged) {
      ctx.report({ doc: e.doc, ...keyRange(e), message: `${q(e.key)} needs a veth in bridge mode with a link, but ${why}: the container fails to start` });
    }
    return;
  }
  if (!untagged || untagged.value === 'none') return;
  const id = getU16(untagged.value);
  if (!id.ok) return;
  for (const e of tagged) {
    const t = getU16(e.value);
    if (t.ok && t.value === id.value) {
      ctx.report({ doc: e.doc, ...valueRange(e), message: `VLAN ${t.value} in ${q(e.key)} is also the untagged ${q(untagged.key)}: the container fails to start` });
    }
  }
}

export default defineRule({
  id: 'net-vlan-id',
  category: 'network',
  severity: 'error',
  summary: 'A VLAN id LXC or the kernel refuses, or a veth VLAN setting that cannot work',
  docs: {
    description:
      '`vlan.id` is read as a 16-bit C number: LXC accepts 0 to 65535, but the kernel only creates VLANs 0 to 4094, so ' +
      'a larger id fails the start. A vlan interface without `vlan.id` uses VLAN 0 (a warning). `veth.vlan.id` (a number ' +
      'up to 4094 or `none`) and `veth.vlan.tagged.id` (a number up to 4094, repeatable) are refused at load time when ' +
      'out of range; at start they need the veth in bridge mode with a `link`, and the untagged id may not also be ' +
      'tagged. A leading 0 makes the number octal (`010` is 8).',
    bad: 'lxc.net.0.type = vlan\nlxc.net.0.link = eth0\nlxc.net.0.vlan.id = 4095',
    good: 'lxc.net.0.type = vlan\nlxc.net.0.link = eth0\nlxc.net.0.vlan.id = 100',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['vlan.id', 'veth.vlan.id', 'veth.vlan.tagged.id']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const sub = netSubkeyOf(entry)!;
      if (sub === 'veth.vlan.id' && entry.value === 'none') continue;
      const id = getU16(entry.value);
      const r = valueRange(entry);
      if (!id.ok) {
        const range = sub === 'vlan.id' ? '0-65535' : sub === 'veth.vlan.id' ? `0-${VLAN_MAX} or "none"` : `0-${VLAN_MAX}`;
        ctx.report({ doc: entry.doc, ...r, message: `Invalid VLAN id ${q(entry.value)} for ${q(entry.key)}: it must be a number (${range}); LXC refuses to load the config` });
        continue;
      }
      if (sub !== 'vlan.id' && id.value > BigInt(VLAN_MAX)) {
        ctx.report({ doc: entry.doc, ...r, message: `VLAN id ${id.value}${octalNote(entry, id.value)} for ${q(entry.key)} is above ${VLAN_MAX}: LXC refuses to load the config` });
        continue;
      }
      if (!isEffective(ctx, entry)) continue;
      if (sub === 'vlan.id' && id.value > BigInt(VLAN_MAX)) {
        ctx.report({ doc: entry.doc, ...r, message: `VLAN id ${id.value}${octalNote(entry, id.value)} for ${q(entry.key)} is above ${VLAN_MAX}: LXC loads it, but the kernel refuses to create the VLAN and the container fails to start` });
        continue;
      }
      if (isNonDecimal(entry.value) === 'octal') {
        ctx.report({ doc: entry.doc, ...r, severity: 'warning', message: `VLAN id ${q(entry.value)} for ${q(entry.key)} starts with 0, so LXC reads it as octal: VLAN ${id.value}; write ${q(String(id.value))} if that is what you mean` });
      }
    }
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (type === 'vlan' && !netEntry(iface, 'vlan.id') && iface.typeEntry) {
        ctx.report({ doc: iface.typeEntry.doc, ...valueRange(iface.typeEntry), severity: 'warning', message: `${interfaceLabel(iface)} is a vlan interface without vlan.id: LXC creates VLAN 0 (priority-tagged frames only); set ${q(`${iface.typeEntry.key.replace(/type$/, 'vlan.id')}`)}` });
      }
      if (type === 'veth') checkVethStart(ctx, iface);
    }
  },
});
