import { convertMac, macHasX, macRandomness } from '../../net/mac';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { startHwaddrs } from './util';

export default defineRule({
  id: 'net-hwaddr-unusual',
  category: 'network',
  severity: 'error',
  summary: 'A multicast, broadcast or all-zero hardware address, which the kernel refuses',
  docs: {
    description:
      'An interface needs a unicast hardware address: the lowest bit of the first octet must be 0, and the address may ' +
      'not be all zeros. The kernel refuses anything else (`01:…`, `ff:ff:ff:ff:ff:ff`, `00:00:00:00:00:00`), so the ' +
      'container fails to start. In a template, LXC keeps an `x` in the second character unicast, but an `x` that ' +
      'lands in the low digit of the first octet another way (`x:16:3e:…`) is random and gives a multicast address ' +
      'half of the time (a warning), as can a template with few random digits and only zeros otherwise.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 01:16:3e:12:34:56',
    good: 'lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:12:34:56',
  },
  check(ctx) {
    const list = startHwaddrs(ctx);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const mac = ctx.analysis.mac(entry);
      // Fewer than six octets is a format problem (net-hwaddr-format), not an unusual address.
      if (!mac.ok || mac.count < 6) continue;
      // Messages and ranges are built only for a finding (most addresses are fine). The multicast bit is the
      // low bit of the first octet, the high byte of `high`.
      if (((mac.high >> 16) & 1) === 1) {
        const broadcast = mac.high === 0xffffff && mac.low === 0xffffff;
        ctx.report({
          doc: entry.doc,
          ...valueRange(entry),
          message: `Hardware address ${q(entry.value)} for ${q(entry.key)} is a ${broadcast ? 'broadcast' : 'multicast'} address (the first octet is odd): the kernel refuses it and the container fails to start`,
        });
        continue;
      }
      // All octets fixed zeros (an `x` reads as 0 but is random: a template is looked at below).
      if (mac.high === 0 && mac.low === 0 && !macHasX(entry.value, mac.end)) {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `Hardware address ${q(entry.value)} for ${q(entry.key)} is all zeros: the kernel refuses it and the container fails to start` });
        continue;
      }
      // Without x digits nothing is random: no template warning (macRandomness would say so too).
      if (!entry.value.includes('x') && !entry.value.includes('X')) continue;
      const full = convertMac(entry.value);
      if (!full.ok) continue; // never: the summary read the same text
      const rnd = macRandomness(entry.value, full.bytes);
      if (rnd.mayBeMulticast) {
        ctx.report({
          doc: entry.doc,
          ...valueRange(entry),
          severity: 'warning',
          message: `Hardware address template ${q(entry.value)} for ${q(entry.key)} has a one-digit random first octet, which is odd half of the time: those addresses are multicast and the container then fails to start; write it as ${q(`0${entry.value}`)} (LXC keeps an x in the second character even)`,
        });
      } else if (rnd.zeroChance >= 1 / 4096) {
        // Rarer outcomes are not worth a warning (xx:xx:xx:xx:xx:xx is all zeros once in 2^47 starts).
        ctx.report({
          doc: entry.doc,
          ...valueRange(entry),
          severity: 'warning',
          message: `Hardware address template ${q(entry.value)} for ${q(entry.key)} has only zeros besides its random digits: one start in ${Math.round(1 / rnd.zeroChance)} gets 00:00:00:00:00:00, which the kernel refuses`,
        });
      }
    }
  },
});
