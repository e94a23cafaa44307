/** One row of the key catalogue (lxc-keys.json, copied from the project's reference into the repo). */
export interface KeyInfo {
  /** The key or pattern: `[i]` is the network index, `[controller]`/`[resource]`/... an open suffix. */
  key: string;
  /** Prose description of the value grammar the setter enforces. */
  value: string;
  multi: boolean;
  multiMode?: string;
  emptyClears: boolean;
  emptyBehavior?: string;
  since: string;
  deprecated?: string;
  removed?: string;
  source: string;
  match: string;
  status: 'current' | 'legacy';
  replacedBy?: string;
  notes?: string;
  netTypes?: string[];
  netTypeEnforced?: boolean;
}

/** The LXC release line a config is checked against. */
export type LxcVersion = '5.0' | '6.0' | '7.0';

/** Every release line lxclint checks against, oldest first. */
export const LXC_VERSIONS: readonly LxcVersion[] = ['5.0', '6.0', '7.0'];

export function isLxcVersion(v: unknown): v is LxcVersion {
  return typeof v === 'string' && (LXC_VERSIONS as readonly string[]).includes(v);
}

export const NETWORK_TYPES = ['veth', 'macvlan', 'ipvlan', 'vlan', 'phys', 'empty', 'none'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** What a concrete key in a file resolves to. */
export interface KeyMatch {
  info: KeyInfo;
  /** Network index for `lxc.net.N.*` and `lxc.network.N.*`. */
  netIndex?: number;
  /** Network subkey (`link`, `ipv4.address`, ...) for network keys, legacy ones included. */
  netSubkey?: string;
  /** The network subkey's number (catalog NET_SUBKEY_NAMES), with netSubkey. */
  netSubkeyId?: number;
  /** Open-ended suffix for pattern keys (`memory.max` in `lxc.cgroup2.memory.max`). */
  suffix?: string;
}
