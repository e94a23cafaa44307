import { defineRule } from '../types';
import { reportFindings } from './shared';

export default defineRule({
  id: 'value-ignored',
  category: 'value',
  severity: 'warning',
  summary: 'LXC accepts the value but ignores or replaces part of it',
  docs: {
    description:
      'Some setters accept text they do not use. `lxc.autodev.tmpfs.size = garbage` silently becomes 500000; ' +
      '`lxc.console.size = 5x` ignores the `x` and means 5 bytes, which is then raised to the page size; sizes are ' +
      'rounded up to a power of two (reported as info); and for `lxc.init.uid`, `lxc.init.gid`, `lxc.hook.version` and ' +
      '`lxc.seccomp.allow_nesting` a value that is not a number is dropped without an error, so the previous value ' +
      'stays. The config loads, but not with the value written.',
    bad: 'lxc.console.size = 5x\nlxc.autodev.tmpfs.size = 100M',
    good: 'lxc.console.size = 4MB\nlxc.autodev.tmpfs.size = 102400',
  },
  check(ctx) {
    reportFindings(ctx, 'ignored', 'warning');
  },
});
