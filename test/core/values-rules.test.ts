/** The value rules' documentation examples, and the stock LXC configs of this machine (when installed). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, lintText, MemoryFileSystem } from '@lxclint/core';

const OURS = ['invalid-value', 'numeric-base', 'value-ignored', 'surprising-value', 'load-time-effect', 'mutually-exclusive-keys', 'quoted-value'];
const fs = new MemoryFileSystem({ '/usr/share/lxc/config/alpine.common.conf': 'lxc.cap.drop = sys_module\nlxc.cap.drop = sys_rawio\n' });

describe('value rule docs', () => {
  for (const id of OURS) {
    const rule = allRules.find((r) => r.id === id)!;
    it(`${id}: the bad example triggers it, the good one does not`, () => {
      const hits = (text: string) => lintText(`${text}\n`, '/c/config', fs).diagnostics.filter((d) => d.ruleId === id);
      expect(hits(rule.docs.bad).length).toBeGreaterThan(0);
      expect(hits(rule.docs.good)).toEqual([]);
    });
  }
});

const STOCK = '/usr/share/lxc/config';
describe.skipIf(!existsSync(STOCK))('stock configs load in liblxc, so no value rule may call them invalid', () => {
  for (const name of existsSync(STOCK) ? readdirSync(STOCK).filter((n) => n.endsWith('.conf')).sort() : []) {
    it(name, () => {
      const text = readFileSync(join(STOCK, name), 'utf8');
      const found = lintText(text, join(STOCK, name), undefined).diagnostics.filter((d) => d.ruleId === 'invalid-value' || d.ruleId === 'mutually-exclusive-keys');
      expect(found.map((d) => d.message)).toEqual([]);
    });
  }
});
