import { defineRule } from '../types';
import { reportFindings } from './shared';

export default defineRule({
  id: 'surprising-value',
  category: 'value',
  severity: 'warning',
  summary: 'LXC accepts the value but does something other than it reads',
  fix: 'unsafe',
  docs: {
    description:
      'Values LXC takes without complaint but reads differently from what most people expect: ' +
      '`lxc.keyring.session = 1` turns the session keyring off and `0` keeps it (the man page says the opposite); an empty ' +
      '`lxc.autodev` sets 0 and an empty `lxc.monitor.signal.pdeath` sets 0 instead of restoring their defaults (1 and ' +
      'SIGKILL); an empty `lxc.rootfs.mount` drops the built-in mount point; a `:` inside a plain `lxc.rootfs.path` is ' +
      'read as a storage-type prefix; an empty soft limit in `lxc.prlimit.*` (`:4096`) means 0; a later ' +
      '`lxc.mount.auto` token of the same group on one line replaces the earlier one; a signal number above 64 does ' +
      'not exist. For the empty values, a fix writes the default instead; that changes what LXC does, so it is unsafe.',
    bad: 'lxc.autodev =\nlxc.keyring.session = 1',
    good: 'lxc.autodev = 1\n# lxc.keyring.session left unset: LXC creates a session keyring',
  },
  check(ctx) {
    reportFindings(ctx, 'surprising', 'warning');
  },
});
