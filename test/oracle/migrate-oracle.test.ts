/**
 * `migrate` against liblxc 5.0.2: every legacy config of the corpus (test/fixtures/legacy/ plus seeded variants),
 * once migrated, loads, and its interfaces are what the legacy file described under LXC 2.x's rules (read here
 * by a small reference reader written from those rules, not by lxclint's code). Plus one regression test per
 * known lxc-update-config bug, run against the real /usr/bin/lxc-update-config on a temp copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateText } from '@lxclint/core';
import { skipReason } from './differential';
import { oracleAvailable, runOracle, type OracleResult } from './liblxc';
import { rng } from './mutate';

const VARIANTS = Number(process.env.LXCLINT_MIGRATE_VARIANTS ?? 400);
const skip = skipReason(oracleAvailable());
const legacyDir = join(import.meta.dirname, '..', 'fixtures', 'legacy');

// ---------------------------------------------------------------- reference reader of LXC 2.x network rules

interface LegacyIface {
  type: string;
  up: boolean;
  fields: Record<string, string>;
  ipv4: string[];
  ipv6: string[];
}

/** Lines as liblxc splits them: (key, value) of `lxc.` lines, comments and others skipped. */
function entries(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.split('\0')[0]!.split(/[\r\n]+/)) {
    const line = raw.replace(/^[ \t]+/, '');
    if (!line.startsWith('lxc.') || !line.includes('=')) continue;
    const eq = line.indexOf('=');
    let v = line.slice(eq + 1).trim();
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]!)) v = v.slice(1, -1);
    out.push([line.slice(0, eq).trim(), v]);
  }
  return out;
}

/** The interfaces a legacy file describes, by the lxc.net index they should get (legacy ones after lxc.net.N). */
function describedInterfaces(text: string): Map<number, LegacyIface> {
  const es = entries(text);
  const modern = new Map<number, LegacyIface>();
  let legacy: LegacyIface[] = [];
  const fresh = (type: string): LegacyIface => ({ type, up: false, fields: {}, ipv4: [], ipv6: [] });
  const set = (i: LegacyIface, sub: string, v: string) => {
    if (sub === 'flags') i.up = v !== '' || i.up; // LXC 2.x: any value (even empty) means up
    else if (sub === 'ipv4' || sub === 'ipv4.address') v === '' ? (i.ipv4 = []) : i.ipv4.push(v);
    else if (sub === 'ipv6' || sub === 'ipv6.address') v === '' ? (i.ipv6 = []) : i.ipv6.push(v);
    else i.fields[sub] = v;
  };
  for (const [k, v] of es) {
    const mod = /^lxc\.net\.(\d+)\.(.+)$/.exec(k);
    if (mod) {
      const n = Number(mod[1]);
      if (mod[2] === 'type') modern.set(n, fresh(v));
      else if (mod[2] === 'flags') modern.get(n)!.up = v !== '';
      else set(modern.get(n)!, mod[2]!, v);
      continue;
    }
    if ((k === 'lxc.network' || k === 'lxc.network.type') && v === '') {
      legacy = [];
      continue;
    }
    if (k === 'lxc.network.type') {
      legacy.push(fresh(v));
      continue;
    }
    const idx = /^lxc\.network\.(\d+)\.(.+)$/.exec(k);
    if (idx) {
      if (idx[2] === 'flags') legacy[Number(idx[1])]!.up = true;
      else set(legacy[Number(idx[1])]!, idx[2]!, v);
      continue;
    }
    if (k.startsWith('lxc.network.')) {
      const sub = k.slice('lxc.network.'.length);
      if (sub === 'flags') legacy[legacy.length - 1]!.up = true;
      else set(legacy[legacy.length - 1]!, sub, v);
    }
  }
  const offset = modern.size === 0 ? 0 : Math.max(...modern.keys()) + 1;
  const out = new Map(modern);
  legacy.forEach((l, k) => out.set(offset + k, l));
  return out;
}

/** Differences between what the legacy file described and what liblxc read from the migrated file. */
function compareInterfaces(expected: Map<number, LegacyIface>, got: OracleResult): string[] {
  const v = got.values;
  const out: string[] = [];
  const count = (v['lxc.net'] ?? '').split('\n').filter((t) => t !== '').length;
  if (count !== expected.size) out.push(`interface count ${count}, expected ${expected.size}`);
  const eq = (key: string, want: string, same = (a: string, b: string) => a === b) => {
    const have = v[key];
    if (have === undefined || !same(have, want)) out.push(`${key} = ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
  };
  const hw = (have: string, want: string) => have.length === want.length && [...want].every((c, i) => (c === 'x' || c === 'X' ? /[0-9a-f]/i.test(have[i]!) : c === have[i]));
  for (const [n, e] of expected) {
    const p = `lxc.net.${n}.`;
    eq(`${p}type`, e.type);
    eq(`${p}flags`, e.up ? 'up' : '');
    for (const sub of ['link', 'mtu', 'ipv4.gateway', 'ipv6.gateway', 'script.up', 'script.down']) eq(p + sub, e.fields[sub] ?? '');
    if (e.type !== 'empty') eq(`${p}name`, e.fields.name ?? '');
    eq(`${p}hwaddr`, e.fields.hwaddr ?? '', hw);
    if (e.type === 'veth') eq(`${p}veth.pair`, e.fields['veth.pair'] ?? '');
    if (e.type === 'macvlan') eq(`${p}macvlan.mode`, e.fields['macvlan.mode'] ?? 'private');
    if (e.type === 'vlan') eq(`${p}vlan.id`, e.fields['vlan.id'] ?? '0');
    // Addresses read back as addr/prefix (no broadcast); without a prefix liblxc derives one, so only the address is compared then.
    const addrs = (key: string, list: string[], v6: boolean) => {
      const have = (v[key] ?? '').split('\n').filter((a) => a !== '');
      const want = list.map((a) => a.split(' ')[0]!);
      const ok = have.length === want.length && want.every((w, i) => (w.includes('/') ? have[i] === w : have[i]!.startsWith(`${w}/`) && (!v6 || have[i] === `${w}/64`)));
      if (!ok) out.push(`${key} = ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
    };
    addrs(`${p}ipv4.address`, e.ipv4, false);
    addrs(`${p}ipv6.address`, e.ipv6, true);
  }
  return out;
}

// ---------------------------------------------------------------- seeded legacy variants

function variant(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const kv = (k: string, v: string) => pick([`${k} = ${v}`, `${k}=${v}`, `\t${k} = ${v}`, `${k}  =  ${v}  `]);
  const lines: string[] = [`# legacy variant ${seed}`];
  const general: Array<[string, string]> = [
    ['lxc.utsname', `ct${seed}`], ['lxc.tty', '4'], ['lxc.pts', '1024'], ['lxc.aa_profile', 'unconfined'], ['lxc.id_map', 'u 0 100000 65536'],
    ['lxc.id_map', 'g 0 100000 65536'], ['lxc.limit.nofile', '1024:4096'], ['lxc.limit.nproc', 'unlimited'], ['lxc.kmsg', '0'], ['lxc.pivotdir', 'lxc_putold'],
    ['lxc.mount', `/var/lib/lxc/ct${seed}/fstab`], ['lxc.console', 'none'], ['lxc.haltsignal', 'SIGPWR'], ['lxc.stopsignal', 'SIGKILL'],
    ['lxc.init_cmd', '/sbin/init'], ['lxc.devttydir', 'lxc'], ['lxc.loglevel', '3'], ['lxc.syslog', 'daemon'], ['lxc.seccomp', '/usr/share/lxc/config/common.seccomp'],
    ['lxc.mount.entry', '/srv srv none bind,create=dir 0 0'], ['lxc.hook.pre-start', '/bin/true'], ['lxc.cgroup.devices.allow', 'c 1:3 rwm'], ['lxc.autodev', '1'],
  ];
  for (const [k, v] of general) if (chance(0.35)) lines.push(kv(k, v));
  if (chance(0.7)) {
    lines.push(kv('lxc.rootfs', pick([`/var/lib/lxc/ct${seed}/rootfs`, '/dev/vg0/ct', 'overlayfs:/var/lib/lxc/base/rootfs:/var/lib/lxc/ct/delta0'])));
    if (chance(0.5)) lines.splice(1 + Math.floor(r() * (lines.length - 1)), 0, kv('lxc.rootfs.backend', pick(['dir', 'lvm', 'btrfs', 'zfs', 'overlayfs'])));
  }
  const blocks = Math.floor(r() * 5);
  const indexed: string[] = [];
  for (let b = 0; b < blocks; b++) {
    if (chance(0.3)) lines.push(pick(['#lxc.network.type = veth', '# lxc.network.type = macvlan', '  # lxc.network.type=phys']), '#lxc.network.link = br9');
    const type = pick(['veth', 'veth', 'veth', 'macvlan', 'vlan', 'phys', 'empty', 'none'] as const);
    lines.push(kv('lxc.network.type', type));
    if (type === 'empty' || type === 'none') continue;
    const body: Array<[string, string]> = [];
    body.push(['link', pick(type === 'veth' ? ['lxcbr0', 'br0'] : ['eth0', 'eth1', 'dummy0'])]);
    if (chance(0.8)) body.push(['flags', 'up']);
    if (chance(0.6)) body.push(['name', `eth${b}`]);
    if (chance(0.5)) body.push(['hwaddr', pick(['00:16:3e:xx:xx:xx', `00:16:3e:00:00:0${b}`, '52:54:00:AB:cd:EF'])]);
    if (chance(0.3)) body.push(['mtu', pick(['1500', '9000', '1400'])]);
    if (chance(0.6)) body.push(['ipv4', pick([`192.0.2.${10 + b}/24`, `198.51.100.${20 + b}/24 198.51.100.255`, `203.0.113.${30 + b}`])]);
    if (chance(0.2)) body.push(['ipv4', `192.0.2.${100 + b}/25`]);
    if (chance(0.4)) body.push(['ipv4.gateway', pick(['192.0.2.1', 'auto'])]);
    if (chance(0.4)) body.push(['ipv6', pick([`2001:db8::${b + 1}/64`, `2001:db8:1::${b + 1}`])]);
    if (chance(0.3)) body.push(['ipv6.gateway', pick(['2001:db8::1', 'auto'])]);
    if (type === 'veth' && chance(0.3)) body.push(['veth.pair', `vethct${b}`]);
    if (type === 'macvlan' && chance(0.6)) body.push(['macvlan.mode', pick(['private', 'vepa', 'bridge', 'passthru'])]);
    if (type === 'vlan') body.push(['vlan.id', String(1 + Math.floor(r() * 4094))]);
    if (chance(0.2)) body.push(['script.up', '/usr/local/bin/ifup']);
    for (const [sub, value] of body) {
      // Some keys are written in the indexed form at the end of the file, as some tools did.
      if (chance(0.2)) indexed.push(kv(`lxc.network.${b}.${sub}`, value));
      else lines.push(kv(`lxc.network.${sub}`, value));
    }
  }
  lines.push(...indexed);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- tests

describe.skipIf(skip !== undefined)(`migrate: the legacy corpus loads in liblxc 5.0.2 with the interfaces it described (${VARIANTS} variants)`, () => {
  let work: string;
  const subjects: Array<{ name: string; legacy: string; migrated: string; file: string }> = [];
  const answers = new Map<string, OracleResult>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lxclint-migrate-oracle-'));
    const sources: Array<[string, string]> = readdirSync(legacyDir).sort().map((n) => [n, readFileSync(join(legacyDir, n), 'latin1')]);
    for (let i = 0; i < VARIANTS; i++) sources.push([`variant-${i}`, variant(1000 + i)]);
    for (const [name, legacy] of sources) {
      const migrated = migrateText(legacy, name).text;
      const file = join(work, `${name}.migrated`);
      writeFileSync(file, migrated, 'latin1');
      subjects.push({ name, legacy, migrated, file });
    }
    for (const a of await runOracle(subjects.map((s) => ({ file: s.file, cwd: work })))) answers.set(a.file, a);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('every migrated config is accepted', () => {
    const rejected = subjects.filter((s) => !answers.get(s.file)?.accepted).map((s) => `${s.name}: ${answers.get(s.file)?.errors.join(' / ')}\n${s.migrated}`);
    expect(rejected.slice(0, 5).join('\n\n')).toBe('');
  });

  it('has the interfaces (count, type, link, hwaddr, addresses, gateways, name, mtu, flags, ...) the legacy file described', () => {
    const wrong: string[] = [];
    let interfaces = 0;
    for (const s of subjects) {
      const expected = describedInterfaces(s.legacy);
      interfaces += expected.size;
      const diff = compareInterfaces(expected, answers.get(s.file)!);
      if (diff.length > 0) wrong.push(`${s.name}: ${diff.slice(0, 4).join('; ')}`);
    }
    expect(wrong.slice(0, 10).join('\n')).toBe('');
    expect(interfaces).toBeGreaterThan(VARIANTS); // the corpus really exercises networks
  });

  it('puts lxc.rootfs.backend into the storage prefix and comments removed keys out', () => {
    for (const s of subjects) {
      const es = entries(s.legacy);
      const backend = es.filter(([k]) => k === 'lxc.rootfs.backend').pop()?.[1];
      const rootfs = es.find(([k]) => k === 'lxc.rootfs')?.[1];
      const path = entries(s.migrated).find(([k]) => k === 'lxc.rootfs.path')?.[1];
      if (rootfs !== undefined) expect(path, s.name).toBe(backend && !/^[a-z]+:/.test(rootfs) ? `${backend}:${rootfs}` : rootfs);
      for (const removed of ['lxc.kmsg', 'lxc.pivotdir', 'lxc.rootfs.backend']) {
        const had = es.filter(([k]) => k === removed).length;
        expect(entries(s.migrated).some(([k]) => k === removed), s.name).toBe(false);
        expect(s.migrated.split('\n').filter((l) => l.includes(`# lxclint migrate: `) && l.includes(` removed ${removed};`)).length, s.name).toBe(had);
      }
    }
  });
});

const updateConfig = '/usr/bin/lxc-update-config';

/** Run the real lxc-update-config on a temp copy of `text`; returns the result. */
function runLxcUpdateConfig(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync(updateConfig, ['-c', file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`lxc-update-config failed: ${r.stderr}`);
  return readFileSync(file, 'utf8');
}

describe.skipIf(skip !== undefined)('regressions: lxc-update-config bugs that migrate does not have', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'lxclint-luc-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function load(name: string, text: string): Promise<OracleResult> {
    const file = join(work, `${name}.load`);
    writeFileSync(file, text);
    return (await runOracle([{ file, cwd: work }]))[0]!;
  }

  it('lxc/lxc#1790: lxc.network.N.ipv4 must become lxc.net.N.ipv4.address, not the invalid lxc.net.N.ipv4', async () => {
    const legacy = 'lxc.network.type = veth\nlxc.network.link = lxcbr0\nlxc.network.0.ipv4 = 192.0.2.5/24\nlxc.network.0.ipv6 = 2001:db8::5/64\n';
    const ours = migrateText(legacy).text;
    expect(ours).toContain('lxc.net.0.ipv4.address = 192.0.2.5/24');
    const good = await load('1790-ours', ours);
    expect(good.accepted).toBe(true);
    expect(good.values['lxc.net.0.ipv4.address']).toBe('192.0.2.5/24');
    expect(good.values['lxc.net.0.ipv6.address']).toBe('2001:db8::5/64');
    if (existsSync(updateConfig)) {
      const theirs = runLxcUpdateConfig(work, '1790', legacy);
      expect(theirs).toContain('lxc.net.0.ipv4 = 192.0.2.5/24');
      expect((await load('1790-theirs', theirs)).accepted).toBe(false);
    }
  });

  it('lxc/lxc#2014: no removed or legacy key is kept (lxc.limit.<res>, a last line without newline, the backend)', async () => {
    const legacy = 'lxc.utsname = a\nlxc.rootfs = /dev/vg0/a\nlxc.rootfs.backend = lvm\nlxc.kmsg = 0\nlxc.limit.nofile = 1024\nlxc.network.type = veth\nlxc.network.link = br1';
    const ours = migrateText(legacy).text;
    expect(ours).toContain('lxc.prlimit.nofile = 1024');
    expect(ours).toContain('lxc.rootfs.path = lvm:/dev/vg0/a');
    expect(ours).toContain('lxc.net.0.link = br1');
    const good = await load('2014-ours', ours);
    expect(good.accepted).toBe(true);
    expect(good.values['lxc.prlimit.nofile']).toBe('1024');
    expect(good.values['lxc.net.0.link']).toBe('br1');
    if (existsSync(updateConfig)) {
      const theirs = runLxcUpdateConfig(work, '2014', legacy);
      expect(theirs).toContain('lxc.limit.nofile = 1024'); // kept: no LXC since 3.0 accepts it
      expect(theirs).toContain('lxc.network.link = br1'); // the last line is never read
      expect(theirs).toContain('lxc.rootfs.path = dir:/dev/vg0/a'); // the backend is lost
      expect((await load('2014-theirs', theirs)).accepted).toBe(false);
    }
  });

  it('commented-out lxc.network.type lines are not counted (nor rewritten)', async () => {
    const legacy = '#lxc.network.type = veth\n#lxc.network.link = br9\nlxc.network.type = veth\nlxc.network.link = br0\nlxc.network.type = veth\nlxc.network.link = br1\nlxc.network.1.ipv4 = 192.0.2.7/24\n';
    const ours = migrateText(legacy).text;
    expect(ours.startsWith('#lxc.network.type = veth\n#lxc.network.link = br9\n')).toBe(true);
    const good = await load('comment-ours', ours);
    expect(good.accepted).toBe(true);
    expect([good.values['lxc.net.0.link'], good.values['lxc.net.1.link'], good.values['lxc.net.1.ipv4.address']]).toEqual(['br0', 'br1', '192.0.2.7/24']);
    if (existsSync(updateConfig)) {
      const theirs = runLxcUpdateConfig(work, 'comment', legacy);
      expect(theirs).toContain('#lxc.net.0.type = veth'); // the comment was rewritten and counted
      expect(theirs).toContain('lxc.net.1.link = br0'); // so every interface is one off
      const bad = await load('comment-theirs', theirs);
      // Interface 0 does not exist any more; the indexed ipv4 landed on the wrong interface (and is invalid anyway).
      expect(bad.values['lxc.net.0.link']).not.toBe('br0');
    }
  });
});

// The reference reader itself, on a case worked out by hand.
describe('reference reader', () => {
  it('reads the multi-NIC fixture as three interfaces, the commented block ignored', () => {
    const got = describedInterfaces(readFileSync(join(legacyDir, 'multi-nic.conf'), 'utf8'));
    expect([...got.values()].map((i) => [i.type, i.fields.link, i.fields.name])).toEqual([
      ['veth', 'br0', 'eth0'], ['macvlan', 'eth0', 'eth1'], ['vlan', 'eth1', 'eth2'],
    ]);
  });
});
