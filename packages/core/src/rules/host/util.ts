/** Shared helpers for host-tier rules: the link name LXC will look up, and how to describe a host link. */
import { findLink, type HostFacts, type HostLink } from '../../host/facts';
import { netEntry, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { truncateIfname } from '../../net/ifname';

export interface EffectiveLink {
  entry: ConfigEntry;
  /** The name LXC looks up: the value cut to 15 bytes, as liblxc stores it. */
  name: string;
  link: HostLink | undefined;
}

export function effectiveLink(iface: NetworkInterface, facts: HostFacts): EffectiveLink | undefined {
  const entry = netEntry(iface, 'link');
  if (!entry) return undefined;
  const name = truncateIfname(entry.value, entry.doc.encoding).text;
  return { entry, name, link: findLink(facts, name) };
}

const KIND_WORDS: Record<string, string> = {
  bridge: 'a bridge', openvswitch: 'an Open vSwitch device', veth: 'a veth device', physical: 'a physical device', bond: 'a bond',
  vlan: 'a VLAN device', macvlan: 'a macvlan device', loopback: 'the loopback device', other: 'a network device',
};

export function describeLink(link: HostLink): string {
  return KIND_WORDS[link.kind] ?? 'a network device';
}

/** Up to three host link names close to `name`, for "did you mean". */
export function similarLinks(facts: HostFacts, name: string, kinds?: readonly string[]): string[] {
  const pool = facts.links.filter((l) => !kinds || kinds.includes(l.kind)).map((l) => l.name);
  const lower = name.toLowerCase();
  return pool.filter((n) => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()) || shareStem(n, name)).slice(0, 3);
}

function shareStem(a: string, b: string): boolean {
  const stem = (s: string) => s.replace(/\d+$/, '').toLowerCase();
  return stem(a).length >= 2 && stem(a) === stem(b);
}
