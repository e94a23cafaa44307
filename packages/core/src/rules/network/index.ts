import type { Rule } from '../types';
import netClearUndefined from './net-clear-undefined';
import netDuplicateAddress from './net-duplicate-address';
import netDuplicateHwaddr from './net-duplicate-hwaddr';
import netEmptyName from './net-empty-name';
import netFlags from './net-flags';
import netGateway from './net-gateway';
import netHwaddrFormat from './net-hwaddr-format';
import netHwaddrUnusual from './net-hwaddr-unusual';
import netIpv4Address from './net-ipv4-address';
import netIpv4PrefixMissing from './net-ipv4-prefix-missing';
import netIpv6Address from './net-ipv6-address';
import netKeyBeforeType from './net-key-before-type';
import netKeyWrongType from './net-key-wrong-type';
import netLegacyBeforeType from './net-legacy-before-type';
import netLinkRequired from './net-link-required';
import netMtuInvalid from './net-mtu-invalid';
import netNameInvalid from './net-name-invalid';
import netNameTooLong from './net-name-too-long';
import netNoType from './net-no-type';
import netTypeInvalid from './net-type-invalid';
import netValueInvalid from './net-value-invalid';
import netVlanId from './net-vlan-id';

export const networkRules: Rule[] = [
  // Load errors first (what stops liblxc reading the file), then start failures, then silent surprises.
  netTypeInvalid,
  netValueInvalid,
  netKeyWrongType,
  netClearUndefined,
  netLegacyBeforeType,
  netIpv4Address,
  netIpv6Address,
  netGateway,
  netVlanId,
  netNoType,
  netLinkRequired,
  netEmptyName,
  netNameInvalid,
  netHwaddrFormat,
  netHwaddrUnusual,
  netMtuInvalid,
  netKeyBeforeType,
  netNameTooLong,
  netIpv4PrefixMissing,
  netFlags,
  netDuplicateHwaddr,
  netDuplicateAddress,
];
