/**
 * What host-tier rules may know about the machine: its network links. The CLI fills it live from
 * /sys/class/net or from a JSON snapshot written by `lxclint facts`; the core only reads this shape.
 */
export type HostLinkKind = 'bridge' | 'openvswitch' | 'veth' | 'physical' | 'bond' | 'vlan' | 'macvlan' | 'loopback' | 'other';

export interface HostLink {
  name: string;
  kind: HostLinkKind;
  mtu: number;
  /** The bridge or bond this link is enslaved to. */
  master?: string;
  up?: boolean;
}

export interface HostFacts {
  /** Format version of the snapshot. */
  version: 1;
  hostname?: string;
  /** When the facts were read (ISO 8601), for snapshot staleness. */
  collectedAt?: string;
  /** True when an Open vSwitch daemon answered; LXC treats a non-bridge link as an OVS bridge. */
  openvswitch?: boolean;
  links: HostLink[];
}

export function findLink(facts: HostFacts, name: string): HostLink | undefined {
  return facts.links.find((l) => l.name === name);
}

/** Validate a parsed snapshot; returns an error message or undefined. */
export function checkHostFacts(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return 'host facts must be a JSON object';
  const d = data as Partial<HostFacts>;
  if (d.version !== 1) return `unsupported host facts version ${JSON.stringify(d.version)} (expected 1)`;
  if (!Array.isArray(d.links)) return 'host facts need a "links" array';
  for (const [i, l] of d.links.entries()) {
    if (typeof l?.name !== 'string' || typeof l.kind !== 'string' || typeof l.mtu !== 'number') {
      return `links[${i}] needs "name" (string), "kind" (string) and "mtu" (number)`;
    }
  }
  return undefined;
}
