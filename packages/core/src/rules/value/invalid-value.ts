import { defineRule } from '../types';
import { reportFindings } from './shared';

export default defineRule({
  id: 'invalid-value',
  category: 'value',
  severity: 'error',
  summary: 'A value LXC refuses: the config fails to load (or, for a few values, the container fails to start)',
  fix: 'unsafe',
  docs: {
    description:
      'Each key has a setter in liblxc that parses its value, and the first value it refuses stops the whole load ' +
      '("Failed to parse config file"), often without saying why. This rule reproduces those setters: booleans that ' +
      'must be 0 or 1, numbers read with C base-0 rules (`08` is not a number), signal names that need `SIG`, ' +
      'capability names in lower case without `CAP_`, namespace names (`mnt`, not `mount`), architectures, log levels, ' +
      'sizes, id maps, time offsets (including LXC 5.0\'s refusal of negative offsets in h, m, ms and us), length ' +
      'limits, and the empty values that fail (`lxc.arch =`, `lxc.mount.fstab =`). A few values pass the parser but make ' +
      'the start fail (an unknown `lxc.prlimit` resource, a soft limit above the hard one, an id map of range 0); those ' +
      'are reported too. Where the intended value is clear (`TERM` → `SIGTERM`, `mount` → `mnt`) a fix replaces it; ' +
      'that changes what LXC does, so the fix is unsafe.',
    bad: 'lxc.start.auto = yes\nlxc.signal.stop = TERM\nlxc.namespace.clone = mount net',
    good: 'lxc.start.auto = 1\nlxc.signal.stop = SIGTERM\nlxc.namespace.clone = mnt net',
  },
  check(ctx) {
    reportFindings(ctx, 'invalid', 'error');
  },
});
