import { bareNetIndex, netSubkeyOf } from '../../model/network';
import { parseRouteValue } from '../../net/address';
import { q } from '../../util/quote';
import { safeInt, safeUint } from '../../values/numbers';
import { defineRule, valueRange, type RuleContext } from '../types';
import { closestWord, parsedEntries } from './util';

/** The fixed word lists liblxc compares with strequal (case-sensitive). */
const ENUMS: Record<string, readonly string[]> = {
  'macvlan.mode': ['private', 'vepa', 'bridge', 'passthru'],
  'ipvlan.mode': ['l3', 'l3s', 'l2'],
  'ipvlan.isolation': ['bridge', 'private', 'vepa'],
  'veth.mode': ['bridge', 'router'],
};

/** Subkeys this rule owns; the others have their own rules (type, addresses, gateways, vlan ids, ...). */
const SUBKEYS = [...Object.keys(ENUMS), 'l2proxy', 'veth.n_rxqueues', 'veth.n_txqueues', 'veth.ipv4.route', 'veth.ipv6.route'];

/** Why liblxc's setter rejects the value, or undefined when it accepts it. */
function problem(sub: string, value: string): { why: string; guess?: string } | undefined {
  const words = ENUMS[sub];
  if (words) {
    if (words.includes(value)) return undefined;
    const guess = closestWord(value, words);
    return { why: `must be one of ${words.join(', ')} (exact, lower case)`, ...(guess ? { guess } : {}) };
  }
  if (sub === 'l2proxy') {
    const r = safeUint(value);
    return r.ok && r.value <= 1n ? undefined : { why: 'must be 0 or 1' };
  }
  if (sub === 'veth.n_rxqueues' || sub === 'veth.n_txqueues') {
    const r = safeInt(value);
    return r.ok && r.value > 0n ? undefined : { why: 'must be a whole number greater than 0' };
  }
  if (sub === 'veth.ipv4.route' || sub === 'veth.ipv6.route') {
    const family = sub === 'veth.ipv4.route' ? 4 : 6;
    const r = parseRouteValue(value, family);
    if (r.ok) return undefined;
    const max = family === 4 ? 32 : 128;
    const form = family === 4 ? 'A.B.C.D/PREFIX' : 'ADDRESS/PREFIX';
    switch (r.error.kind) {
      case 'no-prefix': return { why: `needs ${form}: the prefix is required` };
      case 'prefix': return { why: `prefix ${q(r.error.text)} is not a number (0-${max})` };
      case 'prefix-range': return { why: `prefix ${r.error.value} is out of range (0-${max})` };
      case 'address': return { why: `${q(r.error.text)} is not a valid IPv${family} address` };
    }
  }
  return undefined;
}

function checkBareKeys(ctx: RuleContext): void {
  // `lxc.net` and `lxc.net.N` set no subkey: they are among the other entries.
  const others = ctx.analysis.otherEntries();
  for (let i = 0; i < others.length; i++) { // indexed: a for-of makes a result object per step until optimized
    const entry = others[i]!;
    const key = entry.key;
    if (key === 'lxc.net' && entry.value !== '') {
      ctx.report({ doc: entry.doc, ...valueRange(entry), message: `${q(key)} takes no value (only \`lxc.net =\`, which removes every interface defined so far): LXC refuses to load the config` });
    } else if (entry.match?.info.key === 'lxc.net.[i]') {
      if (entry.value !== '') {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `${q(key)} takes no value (only \`${key} =\`, which removes the interface): LXC refuses to load the config` });
      } else if (bareNetIndex(key) === undefined) {
        ctx.report({ doc: entry.doc, ...valueRange(entry), message: `${q(key)} =: to remove an interface LXC reads the index as a C number, where a leading 0 means octal, and ${q(key.slice(8))} is not valid octal: LXC refuses to load the config` });
      }
    }
  }
}

export default defineRule({
  id: 'net-value-invalid',
  category: 'network',
  severity: 'error',
  summary: 'A network setting has a value LXC refuses while loading the config',
  fix: 'unsafe',
  docs: {
    description:
      'Several network subkeys are checked as soon as LXC reads them, and a bad value makes the whole config fail to ' +
      'load, often with no more than "Failed to parse config file". This rule covers `veth.mode` (bridge, router), ' +
      '`macvlan.mode` (private, vepa, bridge, passthru), `ipvlan.mode` (l3, l3s, l2), `ipvlan.isolation` (bridge, ' +
      'private, vepa), `l2proxy` (0 or 1), `veth.n_rxqueues`/`veth.n_txqueues` (above 0), `veth.ipv4.route` and ' +
      '`veth.ipv6.route` (address with a required prefix), and `lxc.net`/`lxc.net.N`, which accept only an empty value. ' +
      'The words are compared exactly: `Bridge` is refused. Addresses, gateways, VLAN ids, MTU and hardware addresses ' +
      'have rules of their own.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.veth.mode = Router\nlxc.net.0.veth.ipv4.route = 198.51.100.0',
    good: 'lxc.net.0.type = veth\nlxc.net.0.veth.mode = router\nlxc.net.0.veth.ipv4.route = 198.51.100.0/24',
  },
  check(ctx) {
    checkBareKeys(ctx);
    const list = parsedEntries(ctx, SUBKEYS);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const p = problem(netSubkeyOf(entry)!, entry.value);
      if (!p) continue;
      const r = valueRange(entry);
      ctx.report({
        doc: entry.doc,
        ...r,
        message: `Invalid value ${q(entry.value)} for ${q(entry.key)}: ${p.why}; LXC refuses to load the config${p.guess ? ` (did you mean ${q(p.guess)}?)` : ''}`,
        ...(p.guess ? { fix: { description: `Replace with ${q(p.guess)}`, safe: false, edits: [{ ...r, newText: p.guess }] } } : {}),
      });
    }
  },
});
