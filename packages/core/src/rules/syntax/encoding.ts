import { defineRule } from '../types';

export default defineRule({
  id: 'encoding',
  category: 'syntax',
  severity: 'warning',
  summary: 'A byte-order mark, bytes that are not UTF-8, or a NUL byte change what LXC reads',
  docs: {
    description:
      'liblxc reads the file as raw bytes. A UTF-8 byte-order mark makes the first line not start with `lxc.`, so LXC ' +
      'silently ignores it. A NUL byte ends the file for LXC: nothing after it is read. Bytes that are not UTF-8 are ' +
      'passed through unchanged but usually mean the file was saved in another encoding. lxclint keeps all of these ' +
      'bytes as they are.',
    bad: '\\ufefflxc.uts.name = web   (file saved with a BOM)',
    good: 'lxc.uts.name = web',
  },
  check(ctx) {
    for (const doc of ctx.config.documents.values()) {
      const first = doc.lines[0];
      if (doc.bom && first) {
        const ignored = first.kind === 'entry' && first.key.slice(1).startsWith('lxc.');
        // LXC loads the file anyway, minus that line: a silent change, so a warning like the other cases.
        ctx.report({ doc, start: 0, end: 1,
          message: ignored
            ? 'The file starts with a UTF-8 byte-order mark, so LXC ignores the first line; save the file without a BOM'
            : 'The file starts with a UTF-8 byte-order mark; save it without one' });
      }
      if (doc.invalidUtf8At !== null) {
        ctx.report({ doc, start: doc.invalidUtf8At, end: doc.invalidUtf8At + 1,
          message: `Byte 0x${doc.text.charCodeAt(doc.invalidUtf8At).toString(16).padStart(2, '0')} is not valid UTF-8; LXC passes it through unchanged` });
      }
      if (doc.nulTail) {
        ctx.report({ doc, start: doc.nulTail.start, end: doc.nulTail.end,
          message: 'A NUL byte ends the file for LXC: everything after it is ignored' });
      }
    }
  },
});
