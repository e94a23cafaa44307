import type { ConfigEntry } from '../../model/resolve';
import { tokens } from '../../values/lists';
import { defineRule, lineRange, type RuleContext } from '../types';
import { where } from './shared';

/**
 * The two pairs liblxc's setters refuse to mix, replayed in load order (includes spliced in):
 * - lxc.cap.keep fails when drops are collected and keep mode is off; lxc.cap.drop fails once keep mode is on
 *   (also after `lxc.cap.keep = none`). An empty value of either key clears the list and keep mode.
 * - lxc.namespace.clone fails when keep flags are set, and the other way round; an empty value resets that key.
 */
function checkCaps(ctx: RuleContext): void {
  let keepMode = false;
  let collected = 0;
  let lastKeep: ConfigEntry | undefined;
  let lastDrop: ConfigEntry | undefined;
  const entries = ctx.analysis.otherEntries(); // not network keys
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const isKeep = entry.key === 'lxc.cap.keep';
    if (!isKeep && entry.key !== 'lxc.cap.drop') continue;
    if (entry.value === '') {
      keepMode = false;
      collected = 0;
      continue;
    }
    const other = isKeep ? lastDrop : lastKeep;
    const conflict = isKeep ? !keepMode && collected > 0 : keepMode;
    if (conflict && other) {
      report(ctx, entry, other, `${entry.key} cannot be used after ${other.key} (${where(other, entry)}): LXC refuses to both keep and drop capabilities and fails to load the config. Put an empty "${other.key} =" line before it to clear the list first`);
      continue;
    }
    for (const t of tokens(entry.value, ' \t')) collected = t.text === 'none' ? 0 : collected + 1;
    if (isKeep) {
      keepMode = true;
      lastKeep = entry;
    } else {
      keepMode = false;
      lastDrop = entry;
    }
  }
}

function checkNamespaces(ctx: RuleContext): void {
  const last: Record<'clone' | 'keep', ConfigEntry | undefined> = { clone: undefined, keep: undefined };
  const entries = ctx.analysis.otherEntries(); // not network keys
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const which = entry.key === 'lxc.namespace.clone' ? 'clone' : entry.key === 'lxc.namespace.keep' ? 'keep' : undefined;
    if (!which) continue;
    if (entry.value === '') {
      last[which] = undefined;
      continue;
    }
    const other = last[which === 'clone' ? 'keep' : 'clone'];
    if (other) {
      report(ctx, entry, other, `${entry.key} cannot be used together with ${other.key} (${where(other, entry)}): LXC fails to load the config`);
      continue;
    }
    if (tokens(entry.value, ' \t').length > 0) last[which] = entry;
  }
}

function report(ctx: RuleContext, entry: ConfigEntry, other: ConfigEntry, message: string): void {
  ctx.report({
    doc: entry.doc,
    ...lineRange(entry),
    message,
    related: [{ uri: other.doc.uri, ...lineRange(other), message: `${other.key} is set here` }],
  });
}

export default defineRule({
  id: 'mutually-exclusive-keys',
  category: 'value',
  severity: 'error',
  summary: 'lxc.cap.keep with lxc.cap.drop, or lxc.namespace.clone with lxc.namespace.keep: LXC fails to load the config',
  docs: {
    description:
      'LXC either drops the listed capabilities or keeps only the listed ones, and either clones the listed namespaces ' +
      'or keeps (shares) them; it refuses configs that mix the two forms. The check follows the load order, includes ' +
      'included: `lxc.cap.keep` after drops is refused, and so is `lxc.cap.drop` after any `lxc.cap.keep` (even ' +
      '`lxc.cap.keep = none`). An empty `lxc.cap.drop =` or `lxc.cap.keep =` clears the list, so a container can ' +
      'switch to keep mode after a shared config dropped capabilities.',
    bad: 'lxc.include = /usr/share/lxc/config/alpine.common.conf\nlxc.cap.keep = sys_admin',
    good: 'lxc.include = /usr/share/lxc/config/alpine.common.conf\nlxc.cap.drop =\nlxc.cap.keep = sys_admin',
  },
  check(ctx) {
    checkCaps(ctx);
    checkNamespaces(ctx);
  },
});
