/**
 * Golden files: test/fixtures/format/NAME.conf formats to NAME.formatted (bytes). A first line
 * `# lxclint-format: {json options}` in the .conf sets options. UPDATE_EXPECTED=1 rewrites the .formatted files
 * (read the diff: the .formatted file is the assertion).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeConfigText, formatDocument, parseConfigBytes, type FormatOptions } from '@lxclint/core';

const dir = join(import.meta.dirname, '..', 'fixtures', 'format');

describe('format golden files', () => {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.conf')).sort()) {
    it(name, () => {
      const bytes = readFileSync(join(dir, name));
      const first = /^# lxclint-format: (\{.*\})/.exec(bytes.toString('latin1'));
      const options = (first ? JSON.parse(first[1]!) : {}) as FormatOptions;
      const doc = parseConfigBytes(bytes, name);
      const out = Buffer.from(encodeConfigText(formatDocument(doc, options).text, doc.encoding));
      const expectedPath = join(dir, name.replace(/\.conf$/, '.formatted'));
      if (process.env.UPDATE_EXPECTED === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, out);
      expect(out.toString('latin1')).toBe(readFileSync(expectedPath).toString('latin1'));
    });
  }
});
