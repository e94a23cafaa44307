/**
 * The fixed word lists liblxc's setters accept, per release. Exported for hover and completion too
 * (`allowedWords()`); the validators in check.ts use the same lists.
 */
import type { LxcVersion } from '../catalog/types';

/** lxc_config_parse_arch() (confile.c), exact and case-sensitive. 6.0 added x32 and loongarch64, 6.0.5 loong64. */
const ARCH_32 = ['arm', 'armel', 'armhf', 'armv7l', 'athlon', 'i386', 'i486', 'i586', 'i686', 'linux32', 'mips', 'mipsel', 'ppc', 'powerpc', 'x86'];
const ARCH_64 = ['aarch64', 'amd64', 'arm64', 'linux64', 'mips64', 'mips64el', 'ppc64', 'ppc64el', 'ppc64le', 'powerpc64', 'riscv64', 's390x', 'x86_64'];
const ARCH_SINCE_6 = ['x32', 'loongarch64', 'loong64'];

export function archNames(version: LxcVersion): string[] {
  return version === '5.0' ? [...ARCH_32, ...ARCH_64] : [...ARCH_32, ...ARCH_64, ...ARCH_SINCE_6];
}

/** Whether an arch name gives a 32-bit personality (PER_LINUX32). */
export function isArch32(name: string): boolean {
  return ARCH_32.includes(name) || name === 'x32';
}

/** lxc_log_priority_to_int(): names (case-insensitive) and their numbers 0..8. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'NOTICE', 'WARN', 'ERROR', 'CRIT', 'ALERT', 'FATAL'] as const;

/** lxc_syslog_priority_to_int(), case-insensitive. */
export const SYSLOG_FACILITIES = ['daemon', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'] as const;

/** caps_opt[] in conf.c, in kernel order: the index is the capability number. */
export const CAPABILITIES = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap', 'linux_immutable',
  'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner', 'sys_module', 'sys_rawio', 'sys_chroot',
  'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice', 'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease',
  'audit_write', 'audit_control', 'setfcap', 'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read',
  'perfmon', 'bpf', 'checkpoint_restore',
] as const;

/** The highest capability number current kernels know (CAP_CHECKPOINT_RESTORE, Linux 5.9+); liblxc asks the running kernel. */
export const CAP_LAST_CAP = CAPABILITIES.length - 1;

/** allowed_auto_mounts[] in set_config_mount_auto(), exact; `shmounts:HOST[:CONTAINER]` is matched by prefix. */
export const MOUNT_AUTO_TOKENS = [
  'proc', 'proc:mixed', 'proc:rw',
  'sys', 'sys:ro', 'sys:mixed', 'sys:rw',
  'cgroup2', 'cgroup2:ro', 'cgroup2:force', 'cgroup2:ro:force',
  'cgroup', 'cgroup:mixed', 'cgroup:ro', 'cgroup:rw', 'cgroup:force', 'cgroup:mixed:force', 'cgroup:ro:force', 'cgroup:rw:force',
  'cgroup-full', 'cgroup-full:mixed', 'cgroup-full:ro', 'cgroup-full:rw', 'cgroup-full:force', 'cgroup-full:mixed:force',
  'cgroup-full:ro:force', 'cgroup-full:rw:force',
  'shmounts:',
] as const;

/** The group a mount.auto token replaces: a later token of the same group overrides an earlier one. */
export function mountAutoGroup(token: string): 'proc' | 'sys' | 'cgroup' | 'shmounts' | undefined {
  if (token.startsWith('shmounts:')) return 'shmounts';
  if (token === 'proc' || token.startsWith('proc:')) return 'proc';
  if (token === 'sys' || token.startsWith('sys:')) return 'sys';
  if (token.startsWith('cgroup')) return 'cgroup';
  return undefined;
}

/** ns_info[] proc names (namespace.c): clone/keep compare case-insensitively, share.<ns> exactly. */
export const NAMESPACES = ['user', 'mnt', 'pid', 'uts', 'ipc', 'net', 'cgroup', 'time'] as const;

/**
 * signames[] in confile_utils.c as built on Linux/glibc (x86_64): the names behind `SIG`, with their numbers.
 * EMT, INFO, LOST and UNUSED are in the source but not defined by glibc 2.36, so Debian's liblxc rejects them.
 */
export const SIGNALS: ReadonlyArray<readonly [string, number]> = [
  ['HUP', 1], ['INT', 2], ['QUIT', 3], ['ILL', 4], ['ABRT', 6], ['FPE', 8], ['KILL', 9], ['SEGV', 11], ['PIPE', 13],
  ['ALRM', 14], ['TERM', 15], ['USR1', 10], ['USR2', 12], ['CHLD', 17], ['CONT', 18], ['STOP', 19], ['TSTP', 20],
  ['TTIN', 21], ['TTOU', 22], ['TRAP', 5], ['IOT', 6], ['BUS', 7], ['STKFLT', 16], ['CLD', 17], ['URG', 23], ['XCPU', 24],
  ['XFSZ', 25], ['VTALRM', 26], ['PROF', 27], ['WINCH', 28], ['IO', 29], ['POLL', 29], ['PWR', 30], ['SYS', 31],
];

/** glibc's SIGRTMIN/SIGRTMAX as seen by programs (NPTL reserves 32 and 33). */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

/** The 10 hook names (`lxc.hook.<name>` rows in config_jump_table). */
export const HOOK_NAMES = ['pre-start', 'start-host', 'pre-mount', 'autodev', 'mount', 'start', 'stop', 'post-stop', 'clone', 'destroy'] as const;

/** Units set_config_time_offset_*() accepts (case-sensitive). */
export const TIME_UNITS = ['h', 'm', 's', 'ms', 'us', 'ns'] as const;

/** Resource names lxc.prlimit.<res> must use at start (limit_opt[] in conf.c); not checked while parsing. */
export const PRLIMIT_RESOURCES = [
  'as', 'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime',
  'sigpending', 'stack',
] as const;

/** Storage types lxc.rootfs.path may name before the first `:` (bdevs[] in storage.c). */
export const ROOTFS_STORAGE_TYPES = ['dir', 'zfs', 'lvm', 'rbd', 'btrfs', 'overlay', 'overlayfs', 'loop', 'nbd'] as const;

/** LXC-specific mount options lxc.rootfs.options rejects (found anywhere in the text, as strstr() does). */
export const ROOTFS_FORBIDDEN_OPTIONS = ['create=dir', 'create=file', 'optional', 'relative'] as const;

/** Signal words for completion: every `SIG` name plus the real-time forms. */
export function signalWords(): string[] {
  const seen = new Set<string>();
  for (const [name] of SIGNALS) seen.add(`SIG${name}`);
  return [...seen, 'SIGRTMIN+0', `SIGRTMAX-0`];
}

/**
 * The words a key's value is made of, where the grammar is a closed list: for hover and completion.
 * `pattern` is the catalogue key (`lxc.signal.stop`, `lxc.namespace.share.[namespace]`); undefined for free text.
 */
export function allowedWords(pattern: string, version: LxcVersion = '5.0'): readonly string[] | undefined {
  switch (pattern) {
    case 'lxc.arch': return archNames(version);
    case 'lxc.log.level': return LOG_LEVELS;
    case 'lxc.log.syslog': return SYSLOG_FACILITIES;
    case 'lxc.cap.drop': return CAPABILITIES;
    case 'lxc.cap.keep': return [...CAPABILITIES, 'none'];
    case 'lxc.mount.auto': return MOUNT_AUTO_TOKENS;
    case 'lxc.namespace.clone':
    case 'lxc.namespace.keep': return NAMESPACES;
    case 'lxc.signal.halt':
    case 'lxc.signal.reboot':
    case 'lxc.signal.stop':
    case 'lxc.monitor.signal.pdeath': return signalWords();
    case 'lxc.console.size':
    case 'lxc.console.buffer.size': return ['auto'];
    case 'lxc.time.offset.boot':
    case 'lxc.time.offset.monotonic': return TIME_UNITS;
    default:
      return BOOLEAN_KEYS.has(pattern) ? ['0', '1'] : undefined;
  }
}

/** Words allowed in a key's open suffix (`lxc.namespace.share.<ns>`, `lxc.prlimit.<res>`, `lxc.hook.<name>`). */
export function allowedSuffixes(pattern: string): readonly string[] | undefined {
  if (pattern === 'lxc.namespace.share.[namespace]') return NAMESPACES;
  if (pattern === 'lxc.prlimit.[resource]') return PRLIMIT_RESOURCES;
  if (pattern === 'lxc.hook') return HOOK_NAMES;
  return undefined;
}

/** Keys read with lxc_safe_uint whose whole range is allowed. */
export const UINT_KEYS: ReadonlySet<string> = new Set([
  'lxc.tty.max', 'lxc.pty.max', 'lxc.start.delay', 'lxc.init.uid', 'lxc.init.gid', 'lxc.monitor.unshare',
]);

/** Keys read with lxc_safe_uint and then limited to 0 or 1. */
export const BOOLEAN_KEYS: ReadonlySet<string> = new Set([
  'lxc.apparmor.allow_incomplete', 'lxc.apparmor.allow_nesting', 'lxc.autodev', 'lxc.cgroup.relative', 'lxc.console.rotate',
  'lxc.ephemeral', 'lxc.hook.version', 'lxc.keyring.session', 'lxc.no_new_privs', 'lxc.rootfs.managed', 'lxc.sched.core',
  'lxc.seccomp.allow_nesting', 'lxc.start.auto',
]);
