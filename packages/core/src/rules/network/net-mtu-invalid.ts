import { q } from '../../util/quote';
import { isNonDecimal, safeUintNumber } from '../../values/numbers';
import { defineRule, valueRange } from '../types';
import { isEffective, parsedEntries } from './util';

/** The kernel's limits for an Ethernet-like device (ETH_MIN_MTU, ETH_MAX_MTU); IPv6 needs 1280. */
const MIN_MTU = 68;
const MAX_MTU = 65535;
const IPV6_MIN_MTU = 1280;

export default defineRule({
  id: 'net-mtu-invalid',
  category: 'network',
  severity: 'error',
  summary: 'An MTU that is not a number, or outside what the kernel accepts',
  docs: {
    description:
      'LXC stores `mtu` as text and converts it only when the container starts, as a C number (so `0x5dc` is 1500 and ' +
      'a leading 0 means octal). Text that is not a number fails the start ("Failed to parse mtu"), and so does a value ' +
      `the kernel refuses: below ${MIN_MTU} or above ${MAX_MTU}. On a veth, 0 means "set no MTU": the link's MTU is then ` +
      `not inherited (a warning). An MTU below ${IPV6_MIN_MTU} on an interface with IPv6 addresses also fails the start: ` +
      'the kernel refuses IPv6 addresses on such a device. Whether the MTU fits the host link is checked by host-mtu-exceeds-link.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.mtu = 1500 bytes',
    good: 'lxc.net.0.type = veth\nlxc.net.0.mtu = 1500',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['mtu']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      if (!isEffective(ctx, entry)) continue;
      const iface = ctx.network.interfaceOf.get(entry)!;
      if (iface.type === 'empty' || iface.type === 'none') continue;
      const mtu = safeUintNumber(entry.value);
      if (mtu < 0) {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `Invalid MTU ${q(entry.value)} for ${q(entry.key)}: not a number, so the container fails to start ("Failed to parse mtu")` });
        continue;
      }
      const base = isNonDecimal(entry.value);
      const readAs = base ? ` (${q(entry.value)} is read as ${base === 'octal' ? 'octal' : 'hex'}: ${mtu})` : '';
      if (mtu === 0 && iface.type === 'veth') {
        ctx.report({ doc: entry.doc, ...valueRange(entry), severity: 'warning', message: `MTU 0 for ${q(entry.key)}${readAs}: LXC then sets no MTU on the veth pair, so it gets the kernel default instead of the link's MTU; remove the line to inherit the link's MTU` });
        continue;
      }
      if (mtu < MIN_MTU || mtu > MAX_MTU) {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `MTU ${mtu} for ${q(entry.key)}${readAs} is out of range (${MIN_MTU}-${MAX_MTU}): the kernel refuses it and the container fails to start` });
        continue;
      }
      if (mtu < IPV6_MIN_MTU && iface.keys.has('ipv6.address')) {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `MTU ${mtu} for ${q(entry.key)}${readAs} is below ${IPV6_MIN_MTU}, the IPv6 minimum: the kernel refuses IPv6 addresses on the interface, so the container fails to start` });
        continue;
      }
      if (base === 'octal') {
        ctx.report({ doc: entry.doc, ...valueRange(entry), severity: 'warning', message: `MTU ${q(entry.value)} for ${q(entry.key)} starts with 0, so LXC reads it as octal: ${mtu}; write ${q(String(mtu))} if that is what you mean` });
      }
    }
  },
});
