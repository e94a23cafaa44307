/**
 * The shared per-lint analysis (packages/core/src/rules/analysis.ts) answers exactly what each network rule
 * used to compute for itself: the references below are the old helpers of rules/network/util.ts, run side by
 * side with it on generated network configs (interfaces removed, retyped, cleared, legacy blocks, type-specific
 * keys on the wrong type). And because its answers are memoised per run, every rule run alone must report
 * exactly what it reports in a run of all rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allRules, buildNetworkModel, lintConfig, MemoryFileSystem, netSubkeyOf, parseConfig, resolveConfig, type ConfigEntry,
  type Diagnostic, type NetworkInterface, type NetworkModel, type ResolvedConfig,
} from '@lxclint/core';
import { ConfigAnalysis } from '../../packages/core/src/rules/analysis';
import { summarizeIPv4AddressValue, summarizeIPv6AddressValue } from '../../packages/core/src/net/address';
import { summarizeMac } from '../../packages/core/src/net/mac';

// ---- references: the per-rule helpers as they were (one object per network entry) ----
interface NetEntry {
  entry: ConfigEntry;
  sub: string;
  iface: NetworkInterface | undefined;
}
function refNetEntries(config: ResolvedConfig, network: NetworkModel): NetEntry[] {
  const out: NetEntry[] = [];
  for (const entry of config.entries) {
    const sub = netSubkeyOf(entry);
    if (sub === undefined) continue;
    out.push({ entry, sub, iface: network.interfaceOf.get(entry) });
  }
  return out;
}
function refParsedEntries(config: ResolvedConfig, network: NetworkModel, subs: readonly string[]): NetEntry[] {
  const rejected = new Set(network.problems.filter((p) => p.kind === 'type-mismatch').map((p) => p.entry));
  return refNetEntries(config, network).filter((n) => subs.includes(n.sub) && n.entry.value !== '' && !rejected.has(n.entry));
}
function refIsEffective(network: NetworkModel, n: NetEntry): boolean {
  return n.iface !== undefined && network.interfaces.includes(n.iface) && (n.iface.keys.get(n.sub)?.includes(n.entry) ?? false);
}

// ---- generated network configs ----
const SUBS = [
  'type', 'link', 'flags', 'name', 'hwaddr', 'mtu', 'ipv4.address', 'ipv6.address', 'ipv4.gateway', 'ipv6.gateway', 'veth.pair',
  'veth.mode', 'veth.vlan.id', 'veth.vlan.tagged.id', 'vlan.id', 'macvlan.mode', 'ipvlan.mode', 'l2proxy', 'veth.ipv4.route',
];
const VALUES = [
  '', 'veth', 'veth', 'vlan', 'macvlan', 'empty', 'none', 'phys', 'vethx', 'up', 'lxcbr0', 'eth0', 'a/b', 'averyveryverylongname0',
  '00:16:3e:00:00:01', '00:16:3e:xx:xx:xx', '01:00:5e:00:00:01', '00:00:00:00:00:00', '00-16-3e-00-00-01', '1500', '0', '010', '70000',
  '192.0.2.10/24', '192.0.2.10/24', '192.0.2.0/24', '192.0.2.255/24', '198.51.100.7', '10.1/8', '192.0.2.1/33', '2001:db8::1/64',
  '2001:db8::1/64', '2001:db8::1/300', 'fe80::1', 'auto', 'dev', '192.0.2.1', '100', '4095', 'bridge', 'router', 'l3s', '1', '2',
];
const line = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.constantFrom('0', '1', '2', '1', '01'), fc.constantFrom(...SUBS), fc.constantFrom(...VALUES)).map(([i, s, v]) => `lxc.net.${i}.${s} = ${v}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('type', 'link', 'ipv4', 'ipv6', 'hwaddr', 'mtu', 'flags', 'name', '0.link', '1.ipv4'), fc.constantFrom(...VALUES)).map(([s, v]) => `lxc.network.${s} = ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('lxc.net =', 'lxc.net.1 =', 'lxc.net.0 =', 'lxc.network =', 'lxc.net.08 =', 'lxc.uts.name = x', 'lxc.mount.entry = a b none bind 0 0') },
);
const configText = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => `${lines.join('\n')}\n`);

function build(text: string): { config: ResolvedConfig; network: NetworkModel } {
  const config = resolveConfig(parseConfig(text, { uri: '/c/config' }), new MemoryFileSystem({}, '/'));
  return { config, network: buildNetworkModel(config) };
}

describe('ConfigAnalysis = the per-rule helpers it replaced', () => {
  it('network entries, parsed entries, effective entries, parsed values', () => {
    const subsets = fc.subarray(SUBS, { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(configText, fc.array(subsets, { minLength: 1, maxLength: 4 }), (text, queries) => {
      const { config, network } = build(text);
      const a = new ConfigAnalysis(config, network);
      const all = refNetEntries(config, network);
      const entriesOf = (list: NetEntry[]) => list.map((n) => n.entry);
      expect(a.netEntries()).toEqual(entriesOf(all));
      for (const sub of SUBS) expect(a.netEntriesOf(sub)).toEqual(entriesOf(all.filter((n) => n.sub === sub)));
      for (const subs of [...queries, ...SUBS.map((s) => [s])]) {
        const got = a.parsedEntries(subs);
        expect(got).toEqual(entriesOf(refParsedEntries(config, network, subs)));
        // Asked twice (the single-subkey lists are cached), the answer is the same.
        expect(a.parsedEntries(subs)).toEqual(got);
      }
      for (const n of all) {
        expect(a.isEffective(n.entry), `${n.entry.key} = ${n.entry.value}`).toBe(refIsEffective(network, n));
        expect(a.isLive(n.iface!)).toBe(n.iface !== undefined && network.interfaces.includes(n.iface));
        expect(a.ipv4Address(n.entry)).toStrictEqual(summarizeIPv4AddressValue(n.entry.value));
        expect(a.ipv6Address(n.entry)).toStrictEqual(summarizeIPv6AddressValue(n.entry.value));
        expect(a.mac(n.entry)).toStrictEqual(summarizeMac(n.entry.value));
      }
      const rejected = new Set<ConfigEntry>(network.problems.filter((p) => p.kind === 'type-mismatch').map((p) => p.entry));
      expect(a.rejectedForType()).toEqual(rejected);
    }), { numRuns: 400 });
  });

  it('every rule reports alone exactly what it reports among all rules', () => {
    const rules = allRules.filter((r) => !r.needsHost);
    fc.assert(fc.property(configText, (text) => {
      const { config } = build(text);
      const together = lintConfig(config, { inlineSuppressions: false });
      for (const rule of rules) {
        const alone = lintConfig(config, { ruleSet: [rule], inlineSuppressions: false });
        expect(alone, rule.id).toEqual(together.filter((d) => d.ruleId === rule.id));
      }
    }), { numRuns: 150 });
  });
});
