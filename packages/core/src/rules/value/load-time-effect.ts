import { defineRule } from '../types';
import { reportFindings } from './shared';

export default defineRule({
  id: 'load-time-effect',
  category: 'value',
  severity: 'warning',
  summary: 'The value reads or changes the host while the config is being loaded',
  docs: {
    description:
      'A few values are resolved by whichever process loads the config (lxc-start, lxc-ls, lxc-info, a library user), ' +
      'at load time: `lxc.environment = NAME` without `=` copies NAME from that process\'s environment and fails the load ' +
      'if it is unset there; `lxc.rootfs.options = idmap=/path` opens the path and fails the load if it cannot; ' +
      '`lxc.log.file = name.log` (a relative path) creates the file in the current directory of that process. Write ' +
      'the value out, and use absolute paths.',
    bad: 'lxc.environment = http_proxy\nlxc.log.file = container.log',
    good: 'lxc.environment = http_proxy=http://proxy.example:3128\nlxc.log.file = /var/log/lxc/web.log',
  },
  check(ctx) {
    reportFindings(ctx, 'load-time', 'warning');
  },
});
