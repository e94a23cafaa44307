import { networkSubkeyInfo, networkSubkeys } from '../../catalog/catalog';
import type { KeyInfo } from '../../catalog/types';
import { interfaceLabel, netSubkeyOf } from '../../model/network';
import type { ConfigEntry } from '../../model/resolve';
import { q } from '../../util/quote';
import { defineRule, keyRange } from '../types';
import { knownType } from './util';

export default defineRule({
  id: 'net-key-wrong-type',
  category: 'network',
  severity: 'error',
  summary: 'A network key that does not apply to the interface type',
  docs: {
    description:
      'Some network keys belong to one interface type: `veth.*` to veth, `macvlan.mode` to macvlan, `ipvlan.*` to ' +
      'ipvlan, `vlan.id` to vlan. LXC checks the type the interface has at that line, so such a key on another type, ' +
      'or before the `type` line, makes the config fail to load (an error). Other keys are accepted for any type but ' +
      'only used by some: a `link`, address or MTU on an `empty` or `none` interface is silently ignored (a warning).',
    bad: 'lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\nlxc.net.0.veth.pair = vethweb',
    good: 'lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\nlxc.net.0.macvlan.mode = bridge',
  },
  check(ctx) {
    // Type-specific keys LXC rejected while loading: the model keeps them out of the interface.
    for (const p of ctx.network.problems) {
      if (p.kind !== 'type-mismatch') continue;
      const entry = p.entry;
      const iface = ctx.network.interfaceOf.get(entry);
      const sub = netSubkeyOf(entry) ?? '';
      const wanted = networkSubkeyInfo(sub)?.netTypes ?? [];
      const typeAtLine = iface ? typeAt(iface.entries, entry) : undefined;
      const state = typeAtLine === undefined
        ? `before the interface's \`type\` line`
        : `while ${iface ? interfaceLabel(iface) : 'the interface'} has type ${q(typeAtLine)}`;
      ctx.report({
        doc: entry.doc,
        ...keyRange(entry),
        message: `${q(entry.key)} only applies to type ${wanted.join('/')} and is set ${state}: LXC refuses to load the config`,
      });
    }
    // Keys accepted for any type but unused by this one.
    for (const iface of ctx.network.interfaces) {
      const type = knownType(iface);
      if (!type) continue;
      for (const [sub, info] of ignoredFor(type)) {
        const list = iface.keys.get(sub);
        if (list === undefined) continue;
        for (const entry of list) {
          ctx.report({
            doc: entry.doc,
            ...keyRange(entry),
            severity: 'warning',
            message: `${q(entry.key)} has no effect on an interface of type ${q(type)} (it is used by ${info.netTypes.join(', ')}): LXC ignores it`,
          });
        }
      }
    }
  },
});

/** The type value the interface had when `entry` was read (undefined: no type line yet). */
function typeAt(entries: readonly ConfigEntry[], entry: ConfigEntry): string | undefined {
  let type: string | undefined;
  for (const e of entries) {
    if (e === entry) break;
    if (netSubkeyOf(e) === 'type') type = e.value;
  }
  return type;
}

/**
 * The subkeys an interface of this type accepts but does not use (typed, not enforced, another type), with
 * their rows: a short list per type to look up, instead of every key of every interface. The order of the
 * reports within an interface does not matter: each subkey's entries are on lines of their own, and the
 * engine sorts by position.
 */
const IGNORED = new Map<string, Array<[string, KeyInfo & { netTypes: string[] }]>>();
function ignoredFor(type: string): Array<[string, KeyInfo & { netTypes: string[] }]> {
  let list = IGNORED.get(type);
  if (list) return list;
  list = [];
  for (const sub of networkSubkeys()) {
    const info = networkSubkeyInfo(sub);
    if (!info?.netTypes || info.netTypeEnforced || info.netTypes.includes(type)) continue;
    list.push([sub, info as KeyInfo & { netTypes: string[] }]);
  }
  IGNORED.set(type, list);
  return list;
}
