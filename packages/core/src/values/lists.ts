/** Validators for the keys whose value is a list of words (capabilities, namespaces, mount.auto, ...). */
import { q } from '../util/quote';
import { safeUint } from './numbers';
import { octalSurprise } from './parsers';
import { Findings, replaceFix } from './report';
import { CAP_LAST_CAP, CAPABILITIES, MOUNT_AUTO_TOKENS, mountAutoGroup, NAMESPACES, ROOTFS_FORBIDDEN_OPTIONS } from './words';

export interface Token {
  text: string;
  start: number;
}

/** lxc_iterate_parts(): strtok_r over `separators`, empty tokens skipped, with offsets. */
export function tokens(value: string, separators: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const sep = i === value.length || separators.includes(value[i]!);
    if (sep && start >= 0) {
      out.push({ text: value.slice(start, i), start });
      start = -1;
    } else if (!sep && start < 0) start = i;
  }
  return out;
}

/** add_cap_entry() + parse_cap(): lower-case names without CAP_, or numbers up to the kernel's last capability. */
export function checkCapabilities(f: Findings, keep: boolean): void {
  for (const t of tokens(f.value, ' \t')) {
    if (t.text === 'none') {
      if (!keep) f.invalidPart('capability', t.text, t.start, '"none" is only valid in lxc.cap.keep');
      continue;
    }
    if ((CAPABILITIES as readonly string[]).includes(t.text)) continue;
    const r = safeUint(t.text);
    if (r.ok && r.value <= BigInt(CAP_LAST_CAP)) {
      if (octalSurprise(t.text, r.value)) f.octal(t.text, r.value, t.start);
      continue;
    }
    const bare = t.text.toLowerCase().replace(/^cap_/, '');
    if ((CAPABILITIES as readonly string[]).includes(bare)) {
      f.invalidPart('capability', t.text, t.start, `write it in lower case without "CAP_": ${q(bare)}`, {
        fix: replaceFix(`Replace with ${bare}`, t.start, t.start + t.text.length, bare),
      });
    } else if (r.ok) {
      f.invalidPart('capability', t.text, t.start, `the highest capability number current kernels know is ${CAP_LAST_CAP}`);
    } else {
      f.invalidPart('capability', t.text, t.start, 'expected a capability name such as sys_admin or net_raw, or its number');
    }
  }
}

const NS_ALIASES: Record<string, string> = { mount: 'mnt', network: 'net', utsname: 'uts', users: 'user' };

/** set_config_namespace_clone/keep(): blank-separated names from ns_info[], case-insensitive. */
export function checkNamespaces(f: Findings): void {
  for (const t of tokens(f.value, ' \t')) {
    const lower = t.text.toLowerCase();
    if ((NAMESPACES as readonly string[]).includes(lower)) continue;
    const meant = NS_ALIASES[lower];
    f.invalidPart('namespace', t.text, t.start, `expected ${NAMESPACES.join(', ')}${meant ? `; did you mean ${q(meant)}?` : ''}`, meant
      ? { fix: replaceFix(`Replace with ${meant}`, t.start, t.start + t.text.length, meant) } : {});
  }
}

/** set_config_mount_auto(): exact tokens; `shmounts:` is matched by prefix; a later token replaces its group. */
export function checkMountAuto(f: Findings): void {
  const seen = new Map<string, string>();
  for (const t of tokens(f.value, ' \t')) {
    const known = (MOUNT_AUTO_TOKENS as readonly string[]).includes(t.text) || t.text.startsWith('shmounts:');
    if (!known) {
      const hint = MOUNT_AUTO_TOKENS.find((w) => w === t.text.toLowerCase());
      f.invalidPart('automount', t.text, t.start, `expected proc, sys, cgroup or cgroup2 with an optional mode (e.g. proc:mixed, sys:ro, cgroup:mixed), or shmounts:HOSTPATH${hint ? `; did you mean ${q(hint)}?` : ''}`);
      continue;
    }
    if (t.text === 'shmounts:') {
      f.add('surprising', 'warning', `"shmounts:" in ${f.k} has no host path: LXC accepts it but has nothing to mount`, { range: { start: t.start, end: t.start + t.text.length } });
    }
    const group = mountAutoGroup(t.text)!;
    const prev = seen.get(group);
    if (prev !== undefined) {
      f.add('surprising', 'warning', `${q(t.text)} replaces ${q(prev)} earlier on the same ${f.k} line: only one ${group} mode applies`, {
        range: { start: t.start, end: t.start + t.text.length },
      });
    }
    seen.set(group, t.text);
  }
}

/** set_config_init_groups(): comma-separated lxc_safe_uint group ids; at least one. */
export function checkInitGroups(f: Findings): void {
  const list = tokens(f.value, ',');
  if (list.length === 0) return f.invalid('expected a comma-separated list of group ids');
  for (const t of list) {
    const r = safeUint(t.text);
    if (!r.ok) {
      const why = r.reason === 'negative' ? 'group ids must not be negative' : r.reason === 'range' ? 'the number does not fit in 32 bits' : 'expected a numeric group id (names are not accepted)';
      f.invalidPart('group id', t.text, t.start, why);
    } else if (octalSurprise(t.text, r.value)) f.octal(t.text, r.value, t.start);
  }
}

/**
 * set_config_rootfs_options(): parse_lxc_mount_attrs() looks for the LXC-specific options with strstr(), so the
 * text anywhere (even inside another option) counts; create=dir, create=file, optional and relative are refused.
 */
export function checkRootfsOptions(f: Findings): void {
  const v = f.value;
  for (const opt of ROOTFS_FORBIDDEN_OPTIONS) {
    const at = v.indexOf(opt);
    if (at >= 0) f.invalidPart('option', opt, at, 'create=dir, create=file, optional and relative are lxc.mount.entry options and are refused for the rootfs');
  }
  const at = v.indexOf('idmap=');
  if (at < 0) return;
  const start = at + 'idmap='.length;
  const end = v.indexOf(',', start) < 0 ? v.length : v.indexOf(',', start);
  const path = v.slice(start, end);
  if (path === '') return f.invalidPart('option', 'idmap=', at, 'idmap= needs a user namespace path or "container"');
  if (path !== 'container') {
    f.add('load-time', 'warning', `LXC opens ${q(path)} (from idmap= in ${f.k}) while the config is loaded; if it cannot be opened there, LXC fails to load the config`, {
      range: { start, end },
    });
  }
}
