/**
 * checkValue(): what liblxc's setter does with one value of one non-network key, as findings.
 * Dispatches on the catalogue row; the grammars follow the 5.0.2 setters (confile.c), with the 6.0/7.0
 * differences (arch names, the time-offset overflow fix) taken from the version argument.
 * Network keys (`lxc.net.*`, legacy `lxc.network.*`) are not handled here.
 */
import type { KeyMatch, LxcVersion } from '../catalog/types';
import { byteLength } from '../syntax/position';
import { q } from '../util/quote';
import { checkCapabilities, checkInitGroups, checkMountAuto, checkNamespaces, checkRootfsOptions } from './lists';
import { cStrtoBig, safeInt, safeUint, type NumberResult } from './numbers';
import {
  nextPowerOfTwo, octalSurprise, parseByteSize, parseIdmap, parseLogLevel, parsePrlimit, parseTimeOffset, lxcPathSimplify, PATH_MAX, sigParse,
} from './parsers';
import { Findings, LOAD_FAILS, replaceFix } from './report';
import type { CheckValueOptions, ValueFinding } from './types';
import {
  archNames, BOOLEAN_KEYS, UINT_KEYS, LOG_LEVELS, NAMESPACES, PRLIMIT_RESOURCES, SIGRTMAX, ROOTFS_STORAGE_TYPES, SYSLOG_FACILITIES, TIME_UNITS,
} from './words';

/** The key as written, rebuilt from a match (`lxc.cgroup2.[controller]` + suffix). */
export function concreteKey(match: KeyMatch): string {
  const pattern = match.info.key;
  const open = pattern.indexOf('[');
  return open < 0 ? pattern : pattern.slice(0, open) + (match.suffix ?? '');
}

/** Whether checkValue() handles this key (current, non-network). */
export function isValueChecked(match: KeyMatch): boolean {
  const k = match.info.key;
  return match.info.status === 'current' && match.netIndex === undefined && k !== 'lxc.net' && !k.startsWith('lxc.net.') && !k.startsWith('lxc.network');
}

const PAGE = 4096n;
const ULONG_MAX = 0xffffffffffffffffn;
const BARE_CLEARS: Record<string, string> = {
  'lxc.cgroup2': 'every lxc.cgroup2.* setting',
  'lxc.cgroup': 'every lxc.cgroup.* setting',
  'lxc.hook': 'every lxc.hook.* command',
  'lxc.prlimit': 'every lxc.prlimit.* limit',
  'lxc.sysctl': 'every lxc.sysctl.* setting',
  'lxc.proc': 'every lxc.proc.* setting',
};
const FREE_TEXT = new Set([
  'lxc.apparmor.profile', 'lxc.apparmor.raw', 'lxc.selinux.context', 'lxc.selinux.context.keyring', 'lxc.seccomp.notify.cookie',
  'lxc.init.cmd', 'lxc.execute.cmd', 'lxc.mount.entry', 'lxc.group', 'lxc.include', 'lxc.cgroup2.[controller]',
  'lxc.cgroup.[controller]', 'lxc.sysctl.[parameter]', 'lxc.proc.[file]',
]);
const PATH_KEYS = new Set(['lxc.console.path', 'lxc.console.logfile', 'lxc.init.cwd', 'lxc.rootfs.mount', 'lxc.seccomp.profile', 'lxc.mount.fstab', 'lxc.log.file']);
const SIGNAL_KEYS = new Set(['lxc.signal.halt', 'lxc.signal.reboot', 'lxc.signal.stop', 'lxc.monitor.signal.pdeath']);
const CGROUP_DIRS = new Set(['lxc.cgroup.dir', 'lxc.cgroup.dir.monitor', 'lxc.cgroup.dir.monitor.pivot', 'lxc.cgroup.dir.container']);
/**
 * Setters that return `-errno` after lxc_safe_uint() fails: lxc_safe_uint() reports through its return value and
 * leaves errno at 0, so a bad number is silently ignored and the key keeps its previous value.
 */
const LOST_ERROR_KEYS = new Set(['lxc.init.uid', 'lxc.init.gid', 'lxc.hook.version', 'lxc.seccomp.allow_nesting']);
const ENV_KEYS = new Set(['lxc.environment', 'lxc.environment.runtime', 'lxc.environment.hooks']);

/**
 * Validate `value` (as liblxc hands it to the setter: trimmed, quotes stripped) for the key `match` stands for.
 * Pure; the same answer for the linter, hover and the language server.
 */
export function checkValue(match: KeyMatch, value: string, version: LxcVersion = '5.0', options: CheckValueOptions = {}): ValueFinding[] {
  // Runs for every entry: answer unchecked and free-text keys (lxc.mount.entry, ...) before building anything.
  if (valueUnchecked(match, value)) return [];
  const pattern = match.info.key;
  const f = new Findings(concreteKey(match), value);
  const encoding = options.encoding ?? 'utf8';
  if (value === '') {
    checkEmpty(pattern, f);
    return f.list;
  }
  if (isFreeText(pattern)) return f.list;
  if (LOST_ERROR_KEYS.has(pattern) && lostError(f)) return f.list;
  if (pattern in BARE_CLEARS) {
    f.invalid(`only an empty value is allowed, which clears ${BARE_CLEARS[pattern]}`);
  } else if (BOOLEAN_KEYS.has(pattern)) {
    checkBoolean(pattern, f);
  } else if (UINT_KEYS.has(pattern)) {
    checkNumber(f, safeUint(value), 'an unsigned integer');
  } else if (pattern === 'lxc.start.order') {
    checkNumber(f, safeInt(value), 'an integer');
  } else if (SIGNAL_KEYS.has(pattern)) {
    checkSignal(f, pattern === 'lxc.monitor.signal.pdeath');
  } else if (PATH_KEYS.has(pattern)) {
    checkPath(f, value, 0, encoding);
    if (pattern === 'lxc.log.file') checkLogFile(f);
  } else if (CGROUP_DIRS.has(pattern)) {
    if (value.startsWith('/')) f.invalid('a path relative to the cgroup root; absolute paths are not allowed');
    else if (value.includes('..')) f.invalid('".." is not allowed anywhere in the path');
    else checkPath(f, value, 0, encoding);
  } else if (ENV_KEYS.has(pattern)) {
    if (!value.includes('=')) {
      f.add('load-time', 'warning', `${f.k} = ${q(value)} copies ${q(value)} from the environment of the process that loads the config; if it is unset there, ${LOAD_FAILS}`);
    }
  } else {
    checkSpecific(pattern, match, f, version, encoding);
  }
  return f.list;
}

/** Per catalogue row: 0 when checkValue() checks no value of it, 1 only empty ones (free text), 2 every value. */
const rowChecks = new Map<KeyMatch['info'], 0 | 1 | 2>();

/**
 * Whether checkValue() finds nothing without looking: keys it does not check, and non-empty values of free-text
 * keys. Decided once per catalogue row (isValueChecked() depends on the row alone: only network rows have an
 * index, and those are not checked whatever their index).
 */
export function valueUnchecked(match: KeyMatch, value: string): boolean {
  let checks = rowChecks.get(match.info);
  if (checks === undefined) {
    checks = !isValueChecked(match) ? 0 : isFreeText(match.info.key) ? 1 : 2;
    rowChecks.set(match.info, checks);
  }
  return checks === 0 || (checks === 1 && value !== '');
}

/** Keys whose non-empty value is not checked: any text is accepted (or checked elsewhere). */
function isFreeText(pattern: string): boolean {
  return FREE_TEXT.has(pattern) || (pattern.startsWith('lxc.hook.') && pattern !== 'lxc.hook.version');
}

/** True when the value is one the setter ignores (reported) or rejects for that reason (reported). */
function lostError(f: Findings): boolean {
  const r = safeUint(f.value);
  if (r.ok) return false;
  // A '-' is refused before errno is reset, so whatever errno the process last set decides (seen both ways with
  // liblxc 5.0.2); strtoul's own ERANGE (beyond 64 bits) is kept and fails the load.
  if (r.reason === 'negative') {
    f.add('invalid', 'error', `Invalid value ${q(f.value)} for ${f.k} (negative numbers are not allowed): depending on the loading process's state, LXC either fails to load the config or ignores the line`);
    return true;
  }
  if (cStrtoBig(f.value).value > ULONG_MAX) return f.invalid('the number is far too large'), true;
  const why = r.reason === 'range' ? 'does not fit in 32 bits' : /^0[0-9]*[89]/.test(f.value) ? 'is not a valid number (a leading 0 makes it octal)' : 'is not a number';
  f.add('ignored', 'warning', `${q(f.value)} ${why}, but LXC loses the error: the ${f.k} line is silently ignored and the previous value stays`);
  return true;
}

function checkEmpty(pattern: string, f: Findings): void {
  switch (pattern) {
    case 'lxc.arch':
      f.invalid('an architecture name is required; an empty value is looked up as a name and fails');
      break;
    case 'lxc.mount.fstab':
      f.invalid('a path; an empty value clears the setting and then fails');
      break;
    case 'lxc.autodev':
      f.add('surprising', 'warning', `An empty ${f.k} sets 0 (no /dev set-up), not the default 1`, { fix: replaceFix('Set it to 1, the default', 0, 0, '1') });
      break;
    case 'lxc.monitor.signal.pdeath':
      f.add('surprising', 'warning', `An empty ${f.k} sets 0, so the container gets no signal when its monitor dies (the default is SIGKILL)`, {
        fix: replaceFix('Set it to SIGKILL, the default', 0, 0, 'SIGKILL'),
      });
      break;
    case 'lxc.rootfs.mount':
      f.add('surprising', 'warning', `An empty ${f.k} drops LXC's built-in mount point for the rootfs: a container with a rootfs then fails to start`);
      break;
  }
}

const WORDS_TRUE = new Set(['yes', 'true', 'on', 'y', 'enable', 'enabled']);
const WORDS_FALSE = new Set(['no', 'false', 'off', 'n', 'disable', 'disabled']);

function checkBoolean(pattern: string, f: Findings): void {
  const r = safeUint(f.value);
  if (!r.ok || r.value > 1n) {
    const lower = f.value.toLowerCase();
    const meant = WORDS_TRUE.has(lower) ? '1' : WORDS_FALSE.has(lower) ? '0' : undefined;
    f.invalid('expected 0 or 1', meant ? { fix: replaceFix(`Replace with ${meant}`, 0, f.value.length, meant) } : {});
    return;
  }
  if (pattern === 'lxc.keyring.session') {
    f.add('surprising', 'warning', r.value === 1n
      ? `${f.k} = 1 stops LXC from creating a session keyring (the man page says 1 creates one); 0, the default, creates one`
      : `${f.k} = 0 is the default: LXC creates a session keyring (the man page suggests 0 disables it; 1 does)`);
  }
}

function numberWhy(r: NumberResult & { ok: false }, text: string, expected: string): string {
  if (r.reason === 'negative') return `${expected}; negative numbers are not allowed`;
  if (r.reason === 'range') return `${expected} that fits in 32 bits`;
  if (/^[+-]?0[0-9]*[89]/.test(text)) return `${expected}; a leading 0 makes it octal, where 8 and 9 are not digits`;
  return expected;
}

function checkNumber(f: Findings, r: NumberResult, expected: string): void {
  if (!r.ok) return f.invalid(numberWhy(r, f.value, expected));
  if (octalSurprise(f.value, r.value)) f.octal(f.value, r.value);
}

function checkSignal(f: Findings, pdeath: boolean): void {
  const r = sigParse(f.value);
  if (!r.ok) {
    const hint = r.hint === 'octal' ? '; a leading 0 makes it octal' : r.hint ? `; did you mean ${q(r.hint)}?` : '';
    f.invalid(`expected a signal number, SIG<NAME> such as SIGTERM, or SIGRTMIN+n / SIGRTMAX-n${hint}`, r.hint && r.hint !== 'octal'
      ? { fix: replaceFix(`Replace with ${r.hint}`, 0, f.value.length, r.hint) } : {});
    return;
  }
  if (r.numeric) {
    const n = safeUint(f.value);
    if (n.ok && octalSurprise(f.value, n.value)) f.octal(f.value, n.value);
    if (r.value <= SIGRTMAX) return;
    // The monitor's death signal is installed with prctl(PR_SET_PDEATHSIG) at start, which refuses it.
    if (pdeath) f.startFails(`Signal ${r.value} in ${f.k} does not exist on Linux (the highest is ${SIGRTMAX})`);
    else f.add('surprising', 'warning', `Signal ${r.value} in ${f.k} does not exist on Linux (the highest is ${SIGRTMAX}): LXC accepts it, but sending it fails`);
  }
}

function checkPath(f: Findings, path: string, start: number, encoding: 'utf8' | 'latin1'): void {
  const simple = lxcPathSimplify(path);
  if (byteLength(simple, encoding) >= PATH_MAX) {
    f.add('invalid', 'error', `The path in ${f.k} is too long (${byteLength(simple, encoding)} bytes; the limit is ${PATH_MAX - 1}): LXC fails to load the config`, {
      rejects: true, range: { start, end: start + path.length },
    });
  }
}

function checkLogFile(f: Findings): void {
  // An absolute log file is created while parsing too, but that is what people ask for; only the relative
  // form depends on who loads the config.
  if (!f.value.startsWith('/')) {
    f.add('load-time', 'warning', `${q(f.value)} in ${f.k} is relative to the current directory of whichever process loads the config; LXC creates it there while parsing`);
  }
}

function checkSpecific(pattern: string, match: KeyMatch, f: Findings, version: LxcVersion, encoding: 'utf8' | 'latin1'): void {
  const v = f.value;
  switch (pattern) {
    case 'lxc.arch': {
      const names = archNames(version);
      if (names.includes(v)) return;
      const lower = v.toLowerCase();
      if (names.includes(lower)) return f.invalid(`names are case-sensitive; did you mean ${q(lower)}?`, { fix: replaceFix(`Replace with ${lower}`, 0, v.length, lower) });
      if (archNames('7.0').includes(v)) return f.invalid(`${q(v)} needs LXC 6.0 or later`);
      return f.invalid('expected an architecture name such as x86_64, amd64, i686, arm64 or armhf');
    }
    case 'lxc.uts.name': {
      const n = byteLength(v, encoding);
      if (n > 64) f.add('invalid', 'error', `The host name in ${f.k} is ${n} bytes long; the limit is 64: ${LOAD_FAILS}`, { rejects: true });
      return;
    }
    case 'lxc.tty.dir': {
      const n = byteLength(v, encoding);
      if (n > 255) f.add('invalid', 'error', `The directory name in ${f.k} is ${n} bytes long; the limit is 255: ${LOAD_FAILS}`, { rejects: true });
      return;
    }
    case 'lxc.log.level': {
      const r = parseLogLevel(v);
      if (!r.ok) return f.invalid(`expected 0-8 or one of ${LOG_LEVELS.join(', ')}${/^0[0-9]*[89]/.test(v) ? '; a leading 0 makes it octal' : ''}`);
      const n = safeInt(v);
      if (n.ok && octalSurprise(v, n.value)) f.octal(v, n.value);
      return;
    }
    case 'lxc.log.syslog':
      if (!SYSLOG_FACILITIES.includes(v.toLowerCase() as (typeof SYSLOG_FACILITIES)[number])) f.invalid(`expected one of ${SYSLOG_FACILITIES.join(', ')}`);
      return;
    case 'lxc.autodev.tmpfs.size': {
      const r = safeInt(v);
      if (!r.ok) return f.add('ignored', 'warning', `${f.k} = ${q(v)} is not a number: LXC silently uses 500000 (the default, in KiB) instead`);
      if (octalSurprise(v, r.value)) f.octal(v, r.value);
      if (r.value < 0n) f.add('surprising', 'warning', `A negative ${f.k} is accepted but wraps around to a huge tmpfs size when /dev is mounted`);
      return;
    }
    case 'lxc.console.size':
    case 'lxc.console.buffer.size':
      return checkConsoleSize(f);
    case 'lxc.idmap':
      return checkIdmap(f);
    case 'lxc.cap.drop':
    case 'lxc.cap.keep':
      return checkCapabilities(f, pattern === 'lxc.cap.keep');
    case 'lxc.mount.auto':
      return checkMountAuto(f);
    case 'lxc.namespace.clone':
    case 'lxc.namespace.keep':
      return checkNamespaces(f);
    case 'lxc.init.groups':
      return checkInitGroups(f);
    case 'lxc.rootfs.options':
      return checkRootfsOptions(f);
    case 'lxc.rootfs.path': {
      const colon = v.indexOf(':');
      if (colon < 0) return checkPath(f, v, 0, encoding);
      const type = v.slice(0, colon);
      checkPath(f, type, 0, encoding);
      checkPath(f, v.slice(colon + 1), colon + 1, encoding);
      if (!(ROOTFS_STORAGE_TYPES as readonly string[]).includes(type)) {
        f.add('surprising', 'warning', `LXC splits ${f.k} at the first ":" and reads ${q(type)} as the storage type (known types: ${ROOTFS_STORAGE_TYPES.join(', ')}) and ${q(v.slice(colon + 1))} as the path`, {
          range: { start: 0, end: colon + 1 },
        });
      }
      return;
    }
    case 'lxc.cgroup.dir.container.inner':
      if (v.startsWith('/')) return f.invalid('a single directory name; absolute paths are not allowed');
      if (v.includes('/') || v === '.' || v === '..') return f.invalid('a single directory name, without "/"');
      return;
    case 'lxc.namespace.share.[namespace]': {
      const ns = match.suffix ?? '';
      if ((NAMESPACES as readonly string[]).includes(ns)) return;
      const lower = ns.toLowerCase();
      const hint = (NAMESPACES as readonly string[]).includes(lower) ? `; names are case-sensitive, did you mean ${q(lower)}?` : '';
      f.add('invalid', 'error', `Invalid namespace ${q(ns)} in ${f.k} (expected one of ${NAMESPACES.join(', ')}${hint}): ${LOAD_FAILS}`, { rejects: true, onKey: true });
      return;
    }
    case 'lxc.time.offset.boot':
    case 'lxc.time.offset.monotonic':
      return checkTimeOffset(f, version);
    case 'lxc.prlimit.[resource]':
      return checkPrlimit(f, match.suffix ?? '');
    case 'lxc.seccomp.notify.proxy': {
      if (!v.startsWith('unix:')) return f.invalid('expected unix:/path/to/socket or unix:@abstract-name');
      const path = v.slice(5);
      if (path[0] !== '/' && path[0] !== '@') return f.invalid('the socket after "unix:" must be an absolute path or an @abstract name');
      if (path.length < 2) return f.invalid('the socket name after "unix:" is empty');
      const n = byteLength(path, encoding);
      if (n + 1 > 108) return f.invalid(`the socket path is ${n} bytes long; the limit is 107`);
      return;
    }
  }
}

function checkConsoleSize(f: Findings): void {
  const v = f.value;
  if (v === 'auto') return;
  const r = parseByteSize(v);
  if (!r.ok) {
    const why = r.reason === 'suffix' ? `unknown unit ${q(r.suffix ?? '')}; expected KB, MB or GB` : r.reason === 'length' ? 'the text is longer than 21 characters' : r.reason === 'range' ? 'the number is too large' : 'expected "auto" or a size such as 128KB, 1MB';
    return f.invalid(why);
  }
  if (r.value < 0n) return f.invalid('the size must not be negative');
  const n = safeInt(r.numberText);
  if (n.ok && octalSurprise(r.numberText, n.value)) f.octal(r.numberText, n.value);
  if (r.ignoredSuffix !== undefined) {
    const raised = r.value < PAGE ? ', then raises that to the page size (4096 bytes on most systems)' : '';
    f.add('ignored', 'warning', `LXC ignores the single letter ${q(r.ignoredSuffix)} in ${f.k} = ${q(v)} and reads ${r.value} bytes${raised}; units are KB, MB or GB`, {
      range: { start: v.length - 1, end: v.length },
    });
  } else if (r.value < PAGE) {
    f.add('ignored', 'warning', `${f.k} = ${q(v)} is below the page size: LXC raises it to the page size (4096 bytes on most systems)${r.value === 0n ? '; leave the value empty to turn the buffer off' : ''}`);
  } else if (nextPowerOfTwo(r.value) !== r.value) {
    f.add('ignored', 'info', `LXC rounds ${f.k} = ${q(v)} (${r.value} bytes) up to the next power of two, ${nextPowerOfTwo(r.value)} bytes`);
  }
}

function checkIdmap(f: Findings): void {
  const r = parseIdmap(f.value);
  if (!r.ok) {
    return f.add('invalid', 'error', `Invalid id mapping ${q(f.value)} in ${f.k} (${r.message}; expected "u|g NSID HOSTID RANGE"): ${LOAD_FAILS}`, {
      rejects: true, ...(r.start !== undefined ? { range: { start: r.start, end: r.end ?? f.value.length } } : {}),
    });
  }
  for (const field of r.fields) if (field.value !== undefined && octalSurprise(field.text, field.value)) f.octal(field.text, field.value, field.start);
  const range = r.fields[2]!;
  if (range.value === 0n) f.startFails(`The range 0 in ${f.k} maps no ids; the kernel refuses such a mapping`, { range: { start: range.start, end: range.start + range.text.length } });
}

function checkTimeOffset(f: Findings, version: LxcVersion): void {
  const r = parseTimeOffset(f.value, version);
  if (r.ok) return;
  const units = TIME_UNITS.join(', ');
  if (r.reason === 'number') return f.invalid(`expected a whole number followed by a unit (${units}), e.g. 30s`);
  if (r.reason === 'range') return f.invalid('the offset does not fit in 64 bits');
  if (r.reason === 'unit') {
    const hint = r.unit === '' ? 'a unit is required' : `unknown unit ${q(r.unit ?? '')}`;
    return f.invalid(`${hint}; expected one of ${units}${r.unit && /^ +(ms|us|ns)$/.test(f.value.slice(r.numberEnd)) ? ' written right after the number' : ''}`);
  }
  // 5.0.x: negative values are rejected for units that need a multiplication; s and ns work.
  const seconds = r.unit === 'h' || r.unit === 'm';
  const mult = r.unit === 'h' ? 3600n : r.unit === 'm' ? 60n : r.unit === 'ms' ? 1000000n : 1000n;
  const converted = `${r.value! * mult}${seconds ? 's' : 'ns'}`;
  f.add('invalid', 'error', `LXC 5.0 rejects the negative offset ${q(f.value)} in ${f.k} (a bug fixed in 6.0; write it as ${q(converted)}): ${LOAD_FAILS}`, {
    rejects: true, fix: replaceFix(`Replace with ${converted}`, 0, f.value.length, converted),
  });
}

function checkPrlimit(f: Findings, resource: string): void {
  const r = parsePrlimit(f.value);
  if (!r.ok) {
    return f.invalid('expected SOFT[:HARD], each a decimal number or "unlimited"', { range: { start: r.at, end: f.value.length } });
  }
  if (!(PRLIMIT_RESOURCES as readonly string[]).includes(resource) && !safeInt(resource).ok) {
    f.startFails(`Unknown resource ${q(resource)} in ${f.k} (expected one of ${PRLIMIT_RESOURCES.join(', ')}, or a number)`, { onKey: true });
  }
  if (r.emptySoft) f.add('surprising', 'warning', `The soft limit before ":" in ${f.k} is empty, which LXC reads as 0`, { range: { start: 0, end: 1 } });
  const big = (x: bigint | 'unlimited') => (x === 'unlimited' ? 1n << 64n : x);
  if (big(r.soft) > big(r.hard)) f.startFails(`The soft limit in ${f.k} = ${q(f.value)} is higher than the hard limit; the kernel refuses it`);
}
