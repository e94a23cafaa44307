import type { Rule } from '../types';
import hostBridgeVlanFiltering from './host-bridge-vlan-filtering';
import hostLinkMissing from './host-link-missing';
import hostLinkNotBridge from './host-link-not-bridge';
import hostMtuExceedsLink from './host-mtu-exceeds-link';

export const hostRules: Rule[] = [hostLinkMissing, hostLinkNotBridge, hostMtuExceedsLink, hostBridgeVlanFiltering];
