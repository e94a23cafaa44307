import { IFNAME_MAX_BYTES, truncateIfname } from '../../net/ifname';
import { byteLength } from '../../syntax/position';
import { q } from '../../util/quote';
import { defineRule, valueRange } from '../types';
import { parsedEntries } from './util';

export default defineRule({
  id: 'net-name-too-long',
  category: 'network',
  severity: 'warning',
  summary: 'An interface name longer than 15 bytes is cut short',
  fix: 'safe',
  docs: {
    description:
      'Linux interface names hold at most 15 bytes. LXC copies `link`, `name` and `veth.pair` into a buffer of that ' +
      'size, logs an error and keeps loading with the name cut off after 15 bytes (bytes, not characters: a non-ASCII ' +
      'character counts two or more). The container then uses a name different from the one written, or looks for a ' +
      'host link that does not exist. The fix writes the name LXC actually uses.',
    bad: 'lxc.net.0.type = veth\nlxc.net.0.veth.pair = veth-webserver-01',
    good: 'lxc.net.0.type = veth\nlxc.net.0.veth.pair = veth-web-01',
  },
  check(ctx) {
    const list = parsedEntries(ctx, ['link', 'name', 'veth.pair']);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      const enc = entry.doc.encoding;
      const bytes = byteLength(entry.value, enc);
      if (bytes <= IFNAME_MAX_BYTES) continue;
      const cut = truncateIfname(entry.value, enc);
      const r = valueRange(entry);
      const shown = cut.splitChar ? `${q(cut.text)} plus half a character` : q(cut.text);
      ctx.report({
        doc: entry.doc,
        ...r,
        message: `Interface name ${q(entry.value)} for ${q(entry.key)} is ${bytes} bytes; Linux allows ${IFNAME_MAX_BYTES}, so LXC cuts it to ${shown}`,
        // A cut inside a character leaves bytes we cannot write back as text, and a value holding an inline
        // comment is inline-comment's to fix first (cutting it would mangle the comment): no fix then.
        ...(cut.splitChar || /[ \t]#/.test(entry.value) ? {} : { fix: { description: `Write the name LXC uses, ${q(cut.text)}`, safe: true, edits: [{ ...r, newText: quoteLike(entry.line.quote, cut.text) }] } }),
      });
    }
  },
});

function quoteLike(quote: '"' | "'" | null, text: string): string {
  return quote ? `${quote}${text}${quote}` : text;
}
