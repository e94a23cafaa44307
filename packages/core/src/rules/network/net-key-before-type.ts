import { interfaceLabel, type NetworkInterface } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { q } from '../../util/quote';
import { defineRule, lineRange, type RelatedLocation } from '../types';

function at(entry: ConfigEntry, message: string): RelatedLocation {
  return { uri: entry.doc.uri, start: entry.line.keySpan.start, end: entry.line.contentEnd, message };
}

function where(entry: ConfigEntry, from: ConfigEntry): string {
  return entry.doc === from.doc ? `line ${entry.line.line + 1}` : `line ${entry.line.line + 1} of ${entry.doc.uri}`;
}

export default defineRule({
  id: 'net-key-before-type',
  category: 'network',
  severity: 'warning',
  summary: 'A network setting made before the interface\'s `type` line is wiped by it',
  docs: {
    description:
      'Every `lxc.net.N.type` line starts interface N afresh: LXC clears all of its settings before applying the type. ' +
      'A `link`, `name`, address or any other key written above the `type` line (or above a second `type` line for ' +
      'the same index) is therefore silently lost, and the container starts without it. Write `type` first, once per ' +
      'interface. (Type-specific keys such as `veth.pair` before `type` are a load error, reported by net-key-wrong-type.)',
    bad: 'lxc.net.0.link = lxcbr0\nlxc.net.0.type = veth',
    good: 'lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0',
  },
  check(ctx) {
    const seen = new Set<ConfigEntry>();
    const reportWiped = (iface: NetworkInterface) => {
      for (const { entry, by } of iface.wiped) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        ctx.report({
          doc: entry.doc,
          ...lineRange(entry),
          message: `${q(entry.key)} = ${q(entry.value)} is lost: the \`type\` line on ${where(by, entry)} resets ${interfaceLabel(iface)} and wipes it; move it below that line`,
          related: [at(by, 'the type line that wipes it')],
        });
      }
    };
    const interfaces = ctx.network.interfaces;
    for (let i = 0; i < interfaces.length; i++) if (interfaces[i]!.wiped.length > 0) reportWiped(interfaces[i]!);
    for (const { iface } of ctx.network.removed) reportWiped(iface);
    // A repeated type line: the later one resets the interface even when nothing else was set in between.
    // (The type lines are indexed: no need to look through every line of every interface.) The first type
    // line per interface is kept by interface id, in an array: a Map of 1,000 interfaces cost ~57 KB.
    // Every interface the model made is live or removed: ids stay below that count.
    const firstType = new Array<ConfigEntry | undefined>(ctx.network.interfaces.length + ctx.network.removed.length);
    const types = ctx.analysis.netEntriesOf('type');
    for (let i = 0; i < types.length; i++) {
      const entry = types[i]!;
      const iface = entry.value === '' ? undefined : ctx.network.interfaceOf.get(entry);
      if (iface === undefined) continue;
      const first = firstType[iface.id];
      if (!first) {
        firstType[iface.id] = entry;
        continue;
      }
      if (seen.has(entry)) continue;
      seen.add(entry);
      ctx.report({
        doc: entry.doc,
        ...lineRange(entry),
        message: `${q(entry.key)} is set again (first on ${where(first, entry)}): this line resets ${interfaceLabel(iface)} and wipes every setting made for it above`,
        related: [at(first, 'the first type line')],
      });
    }
  },
});
