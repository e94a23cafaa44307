import { defineRule } from '../types';
import { reportFindings } from './shared';

export default defineRule({
  id: 'numeric-base',
  category: 'value',
  severity: 'warning',
  summary: 'A number with a leading 0 that LXC reads as octal',
  docs: {
    description:
      'liblxc parses most numbers with C\'s base-0 rules: `0x` starts a hexadecimal number and a leading `0` an octal ' +
      'one. So `lxc.tty.max = 010` gives 8 ttys, and an id map written as `u 0 0100000 65536` maps to host id 32768. ' +
      'The rule reports numbers whose octal reading differs from the decimal one. Hexadecimal numbers are written on ' +
      'purpose and are not reported; `08` and `09` are not numbers at all and are reported by `invalid-value`.',
    bad: 'lxc.tty.max = 010',
    good: 'lxc.tty.max = 10',
  },
  check(ctx) {
    reportFindings(ctx, 'numeric-base', 'warning');
  },
});
