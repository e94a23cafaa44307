/**
 * The documentation examples of the network and host rules are real: each `bad` example triggers its rule and
 * each `good` example is clean of it (host rules against the small host described here).
 */
import { describe, expect, it } from 'vitest';
import { allRules, lintText, type HostFacts } from '@lxclint/core';

const HOST: HostFacts = {
  version: 1,
  openvswitch: false,
  links: [
    { name: 'lo', kind: 'loopback', mtu: 65536 },
    { name: 'eth0', kind: 'physical', mtu: 1500 },
    { name: 'lxcbr0', kind: 'bridge', mtu: 1500, vlanFiltering: false },
    { name: 'br0', kind: 'bridge', mtu: 1500, vlanFiltering: false },
  ],
};
/** The good example of host-bridge-vlan-filtering assumes filtering is on. */
const FILTERING: HostFacts = { ...HOST, links: HOST.links.map((l) => (l.name === 'br0' ? { ...l, vlanFiltering: true } : l)) };

const ours = allRules.filter((r) => r.category === 'network' || r.category === 'host' || r.id.startsWith('net-'));

function hits(id: string, text: string, host: HostFacts | undefined): string[] {
  return lintText(text, 'example.conf', undefined, host ? { host } : {}).diagnostics.filter((d) => d.ruleId === id).map((d) => d.message);
}

describe('network and host rule examples', () => {
  it('covers the rules', () => {
    expect(ours.length).toBeGreaterThanOrEqual(25);
  });
  for (const rule of ours) {
    it(`${rule.id}: bad triggers, good is clean`, () => {
      const host = rule.needsHost ? HOST : undefined;
      expect(hits(rule.id, rule.docs.bad, host).length, rule.docs.bad).toBeGreaterThan(0);
      const goodHost = rule.id === 'host-bridge-vlan-filtering' ? FILTERING : host;
      expect(hits(rule.id, rule.docs.good, goodHost), rule.docs.good).toEqual([]);
    });
  }
  it('skips host rules without host facts', () => {
    const text = 'lxc.net.0.type = veth\nlxc.net.0.link = nosuchbridge\n';
    expect(hits('host-link-missing', text, undefined)).toEqual([]);
    expect(hits('host-link-missing', text, HOST).length).toBe(1);
  });
});
