import { q } from '../../util/quote';
import { modernKeyFor } from '../../catalog/catalog';
import type { ConfigEntry } from '../../model/resolve';
import { isNetSubkeyEntry } from '../../model/network';
import { defineRule, keyRange, type RuleContext } from '../types';

export default defineRule({
  id: 'legacy-key',
  category: 'legacy',
  severity: 'error',
  summary: 'A key from LXC 2.x: LXC 3.0 and later refuse to load the config',
  fix: 'safe',
  docs: {
    description:
      'LXC 2.1 renamed many keys (`lxc.utsname` → `lxc.uts.name`, `lxc.network.*` → `lxc.net.N.*`, ...) and LXC 3.0 ' +
      'removed the old names, so a config that still uses one fails to load with "Unsupported config key". The fix ' +
      'renames the key where the new key means the same; `lxclint migrate` converts whole files, network blocks included.',
    bad: 'lxc.utsname = web\nlxc.network.type = veth',
    good: 'lxc.uts.name = web\nlxc.net.0.type = veth',
  },
  check(ctx) {
    // The entries that set no network subkey, then the legacy ones that do (the engine sorts the reports by
    // position): those went to a legacy interface, or to none before its first `type` line. An entry of a modern
    // interface is a current `lxc.net.N.*` key, skipped without a look at its text. Indexed loops, and no list
    // of the network entries (8,000 for 1,000 interfaces): they all lie in the model's netSpan.
    const others = ctx.analysis.otherEntries();
    for (let i = 0; i < others.length; i++) checkEntry(ctx, others[i]!);
    const entries = ctx.config.entries;
    for (let i = ctx.network.netSpan.from; i < ctx.network.netSpan.to; i++) {
      const entry = entries[i]!;
      if (!isNetSubkeyEntry(entry)) continue;
      const iface = ctx.network.interfaceOf.get(entry);
      if (iface === undefined || iface.legacy) checkEntry(ctx, entry);
    }
  },
});

function checkEntry(ctx: RuleContext, entry: ConfigEntry): void {
  const info = entry.match?.info;
  const key = entry.key;
  // Index 4 ('n', 'l') and 7 ('w') first: startsWith is slow on the sliced strings keys are, and most keys are
  // neither (`lxc.net.0.*` has '.' at 7).
  const c4 = key.charCodeAt(4);
  const legacyFamily = (c4 === 110 && ((key.charCodeAt(7) === 119 && key.startsWith('lxc.network.')) || key === 'lxc.network'))
    || (c4 === 108 && key.startsWith('lxc.limit.'));
  if (!(info?.status === 'legacy' || legacyFamily)) return;
  const iface = ctx.network.interfaceOf.get(entry);
  const modern = entry.match ? modernKeyFor(entry.match, key, iface?.index) : undefined;
  const r = keyRange(entry);
  if (!entry.match) {
    ctx.report({ doc: entry.doc, ...r, message: `Legacy key ${q(key)} is not accepted since LXC 3.0 and has no direct replacement` });
    return;
  }
  const removed = info!.replacedBy?.startsWith('(none');
  let message: string;
  if (removed) message = `Key ${q(key)} was removed in LXC 2.1 and has no replacement: delete the line`;
  else if (modern) message = `Legacy key ${q(key)} is not accepted since LXC 3.0: use ${q(modern)}`;
  else message = `Legacy key ${q(key)} is not accepted since LXC 3.0: use ${info!.replacedBy}`;
  // The new key takes the same value with the same meaning; network keys get the block's index.
  const safeRename = modern !== undefined;
  ctx.report({
    doc: entry.doc,
    ...r,
    message,
    ...(safeRename ? { fix: { description: `Rename to ${q(modern!)}`, safe: true, edits: [{ ...r, newText: modern! }] } } : {}),
  });
}
