/**
 * extension/package.json: what it contributes must resolve inside the extension folder (a packaged extension
 * cannot reach ../grammars), the language id must be the one the grammar is registered for, and the file
 * patterns must pick LXC configs and leave other files alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './textmate';

const EXT = resolve(ROOT, 'extension');
const pkg = JSON.parse(readFileSync(resolve(EXT, 'package.json'), 'utf8'));
const languages: Array<Record<string, any>> = pkg.contributes?.languages ?? [];
const grammars: Array<Record<string, any>> = pkg.contributes?.grammars ?? [];

/** Resolves a contributed path and checks it stays inside extension/. */
function inside(rel: string): string {
  expect(rel, rel).toMatch(/^\.\//);
  const path = resolve(EXT, rel);
  expect(path.startsWith(EXT + sep), `${rel} leaves the extension folder`).toBe(true);
  expect(existsSync(path), `${rel} does not exist`).toBe(true);
  return path;
}

/** VS Code glob subset used in filenamePatterns: `**` spans segments, `*` and `?` stay within one. */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
const isLxcConfig = (path: string) => languages[0]!.filenamePatterns.some((g: string) => globRegex(g).test(path));

describe('extension/package.json', () => {
  it('is a VS Code extension named lxclint with no activation code yet', () => {
    expect(pkg.name).toBe('lxclint');
    expect(pkg.engines?.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(pkg.publisher).toBeTruthy();
    // Highlighting alone needs no code: main and activation events come with the language server client.
    expect(pkg.main).toBeUndefined();
    expect(pkg.activationEvents).toBeUndefined();
    expect(readFileSync(resolve(EXT, 'README.md'), 'utf8')).toMatch(/no `main`/);
  });

  it('declares the lxc-config language with its configuration', () => {
    expect(languages.map((l) => l.id)).toEqual(['lxc-config']);
    const lang = languages[0]!;
    expect(lang.aliases.length).toBeGreaterThan(0);
    expect(lang.filenamePatterns).toEqual(
      expect.arrayContaining(['**/lxc/**/config', '**/var/lib/lxc/*/config', '**/usr/share/lxc/config/*.conf', '**/lxc/**/*.conf']),
    );
    const config = JSON.parse(readFileSync(inside(lang.configuration), 'utf8'));
    expect(config.comments).toEqual({ lineComment: '#' });
  });

  it('maps the language to the grammar shipped inside the extension, identical to grammars/', () => {
    expect(grammars).toHaveLength(1);
    const [g] = grammars;
    expect(languages.map((l) => l.id)).toContain(g!.language);
    const shipped = readFileSync(inside(g!.path), 'utf8');
    expect(JSON.parse(shipped).scopeName).toBe(g!.scopeName);
    expect(g!.scopeName).toBe('source.lxc-config');
    expect(shipped).toBe(readFileSync(resolve(ROOT, 'grammars/lxc-config.tmLanguage.json'), 'utf8'));
  });

  it('matches LXC container configs and not other files', () => {
    for (const path of [
      '/var/lib/lxc/web/config',
      '/home/ann/.local/share/lxc/c1/config',
      '/usr/share/lxc/config/common.conf',
      '/usr/share/lxc/config/common.conf.d/00-lxcfs.conf',
      '/etc/lxc/default.conf',
      'C:/Users/ann/lxc/c1/config',
    ]) {
      expect(isLxcConfig(path), path).toBe(true);
    }
    for (const path of ['/etc/nginx/nginx.conf', '/home/ann/project/config', '/var/lib/lxc/web/rootfs.img', '/etc/lxcfs.conf']) {
      expect(isLxcConfig(path), path).toBe(false);
    }
  });

  it('is not an npm workspace of the repository; the root has the gen:grammar script', () => {
    const root = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect(root.workspaces).not.toContain('extension');
    expect(root.scripts['gen:grammar']).toBe('node scripts/gen-grammar.mjs');
  });
});
