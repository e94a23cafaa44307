/**
 * `lxclint facts` on a real network namespace made by this test: a bridge with a veth port and a free veth end.
 * The snapshot must report the bridge, its MTU and the port's master, and `check --host-facts` must judge a
 * config against it. Only the test's own namespace is touched; it is deleted in afterAll, also on failure.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostFacts, type HostFacts } from '@lxclint/core';
import { BIN, requireBuiltCli, runCli, useTempDir } from './helpers';

const NS = `lxclint-t-${randomBytes(4).toString('hex')}`;
const BRIDGE = 'br-lxt';
const PORT = 'vh-lxt';
const PEER = 'vc-lxt';
const BRIDGE_MTU = 1450;

function ip(...args: string[]): void {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
}

const canUseNetns = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0;

requireBuiltCli();
const tmp = useTempDir();

describe('lxclint facts (CLI)', () => {
  it('prints its help', () => {
    const r = runCli(['facts', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lxclint facts');
    expect(r.stdout).toContain('--output-file');
  });
  it('rejects unknown options and arguments', () => {
    expect(runCli(['facts', '--bogus']).code).toBe(2);
    expect(runCli(['facts', 'extra']).code).toBe(2);
  });
  it('prints a snapshot that passes its own validation', () => {
    const r = runCli(['facts']);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout) as HostFacts;
    expect(checkHostFacts(facts)).toBeUndefined();
    expect(facts.links.find((l) => l.name === 'lo')?.kind).toBe('loopback');
  });
  it('names the file when --host-facts cannot be used', () => {
    const bad = tmp.write('bad.json', '{"version": 2, "links": []}');
    const cfg = tmp.write('c.conf', 'lxc.net.0.type = veth\n');
    const r = runCli(['check', '--host-facts', bad, cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('unsupported host facts version 2');
    const missing = runCli(['check', '--host-facts', `${tmp.dir()}/nope.json`, cfg]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });
});

describe.skipIf(!canUseNetns)('lxclint facts in a network namespace', () => {
  let created = false;
  beforeAll(() => {
    ip('netns', 'add', NS);
    created = true;
    ip('-n', NS, 'link', 'add', BRIDGE, 'type', 'bridge');
    ip('-n', NS, 'link', 'add', PORT, 'type', 'veth', 'peer', 'name', PEER);
    ip('-n', NS, 'link', 'set', PORT, 'master', BRIDGE);
    // Set after the port joined: a bridge otherwise follows its ports' MTU.
    ip('-n', NS, 'link', 'set', BRIDGE, 'mtu', String(BRIDGE_MTU));
    ip('-n', NS, 'link', 'set', BRIDGE, 'up');
  });
  afterAll(() => {
    if (created) spawnSync('ip', ['netns', 'del', NS]);
  });

  function factsInNamespace(extra: string[] = []): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync('ip', ['netns', 'exec', NS, process.execPath, BIN, 'facts', ...extra], { encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('reports the bridge, its MTU and the port\'s master, and nothing of the host', () => {
    const r = factsInNamespace();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.stdout) as HostFacts;
    expect(checkHostFacts(facts)).toBeUndefined();
    const byName = new Map(facts.links.map((l) => [l.name, l]));
    expect([...byName.keys()].sort()).toEqual(['lo', BRIDGE, PEER, PORT].sort());
    expect(byName.get(BRIDGE)).toMatchObject({ kind: 'bridge', mtu: BRIDGE_MTU, up: true });
    expect(byName.get(PORT)).toMatchObject({ kind: 'veth', master: BRIDGE });
    expect(byName.get(PEER)?.kind).toBe('veth');
    expect(byName.get(PEER)?.master).toBeUndefined();
    expect(byName.get('lo')?.kind).toBe('loopback');
    expect(facts.openvswitch).toBe(false);
  });

  it('writes the snapshot with -o and checks a config against it', () => {
    const snapshot = `${tmp.dir()}/host.json`;
    const w = factsInNamespace(['-o', snapshot]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    const facts = JSON.parse(readFileSync(snapshot, 'utf8')) as HostFacts;
    expect(facts.links.find((l) => l.name === BRIDGE)?.mtu).toBe(BRIDGE_MTU);

    const cfg = tmp.write('web.conf', [
      'lxc.net.0.type = veth',
      `lxc.net.0.link = ${BRIDGE}`,
      'lxc.net.0.flags = up',
      'lxc.net.0.mtu = 9000',
      'lxc.net.1.type = veth',
      `lxc.net.1.link = ${PEER}`,
      'lxc.net.2.type = macvlan',
      'lxc.net.2.link = eth-missing',
      '',
    ].join('\n'));
    const r = runCli(['check', '--no-config', '--format', 'json', '--host-facts', snapshot, cfg]);
    expect(r.stderr).toBe('');
    const [file] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; severity: number; message: string }> }>;
    const found = file!.messages.filter((m) => m.ruleId.startsWith('host-')).map((m) => `${m.line} ${m.ruleId}`);
    expect(found).toEqual(['4 host-mtu-exceeds-link', '6 host-link-not-bridge', '8 host-link-missing']);
    expect(r.code).toBe(1);
    // Without host facts the host tier stays quiet.
    const plain = runCli(['check', '--no-config', '--format', 'json', '--no-host', cfg]);
    const [plainFile] = JSON.parse(plain.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(plainFile!.messages.filter((m) => m.ruleId.startsWith('host-'))).toEqual([]);
  });
});
