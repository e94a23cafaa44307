import { q } from '../../util/quote';
import { ALL_KEYS, availableIn, lookupKey } from '../../catalog/catalog';
import { suggest } from '../../util/suggest';
import type { ConfigEntry } from '../../model/resolve';
import type { LxcVersion } from '../../catalog/types';
import { defineRule, keyRange } from '../types';

/** Candidate spellings: concrete keys, with patterns instantiated by what the user wrote where possible. */
function candidatesFor(key: string, version: LxcVersion): string[] {
  const out: string[] = [];
  const net = /^lxc\.net\.(\d+)\./.exec(key);
  for (const info of ALL_KEYS) {
    if (!availableIn(info, version)) continue;
    if (info.key.includes('[i]')) {
      if (net) out.push(info.key.replace('[i]', net[1]!));
      continue;
    }
    if (info.key.includes('[')) continue;
    out.push(info.key);
  }
  return out;
}

function prefixFamily(key: string): string | undefined {
  for (const p of ['lxc.cgroup2', 'lxc.prlimit', 'lxc.sysctl', 'lxc.proc', 'lxc.namespace.share.', 'lxc.net.', 'lxc.cgroup']) {
    if (key.startsWith(p)) return p;
  }
  return undefined;
}

export default defineRule({
  id: 'unknown-key',
  category: 'key',
  severity: 'error',
  summary: 'A key LXC does not know: the config fails to load',
  fix: 'unsafe',
  docs: {
    description:
      'liblxc stops loading a config at the first key it does not know ("Unsupported config key") and the container does ' +
      'not start. Key names are exact and case-sensitive. Where one known key is clearly meant, the fix renames it; ' +
      'that changes what LXC does, so it is an unsafe fix.',
    bad: 'lxc.uts.nmae = web',
    good: 'lxc.uts.name = web',
  },
  check(ctx) {
    // Unknown keys are never network subkey assignments (those have a catalogue row).
    const entries = ctx.analysis.otherEntries();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.match) continue;
      if (entry.key.startsWith('lxc.network') || entry.key.startsWith('lxc.limit.')) continue; // legacy-key explains these
      report(entry);
    }
    function report(entry: ConfigEntry) {
      const key = entry.key;
      const { matches, unique } = suggest(key, candidatesFor(key, ctx.version));
      const r = keyRange(entry);
      const family = prefixFamily(key);
      let message = `Unknown key ${q(key)}: LXC ${ctx.version} fails to load the config`;
      if (key === 'lxc.cgroup' || key.startsWith('lxc.cgroup.')) {
        if (ctx.version === '7.0' && lookupKey(key, '5.0')) message = `Key ${q(key)} is a cgroup v1 setting, which LXC 7.0 no longer accepts; use lxc.cgroup2.*`;
      } else if (family && family !== 'lxc.cgroup') {
        message = `Key ${q(key)} is not a valid ${family.replace(/\.$/, '')} key: LXC fails to load the config`;
      }
      if (matches.length > 0) message += `. Did you mean ${matches.map((m) => `${q(m)}`).join(' or ')}?`;
      ctx.report({
        doc: entry.doc,
        ...r,
        message,
        ...(unique ? { fix: { description: `Rename to ${q(matches[0]!)}`, safe: false, edits: [{ ...r, newText: matches[0]! }] } } : {}),
      });
    }
  },
});
