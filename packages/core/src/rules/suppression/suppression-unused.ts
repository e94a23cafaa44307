import { defineRule } from '../types';

export default defineRule({
  id: 'suppression-unused',
  category: 'suppression',
  severity: 'warning',
  summary: 'An lxclint suppression comment suppresses nothing',
  fix: 'safe',
  docs: {
    description:
      'A suppression that no longer matches a finding hides the next real problem on that line, and tells readers ' +
      'something that is not true. This rule reports a `lxclint-disable-next-line` whose target line has no finding ' +
      'of the listed rules, and a file-level `lxclint-disable` with no finding in the file. A listed rule that did not ' +
      'run (turned off, or a host rule without host facts) is not called unused, so name the rule when suppressing a ' +
      'host finding: a directive without a rule list is unused whenever nothing was reported. When nothing in the ' +
      'directive is used, the fix deletes the comment line; that is safe because LXC ignores comments.',
    bad: '# lxclint-disable-next-line duplicate-key\nlxc.uts.name = web',
    good: 'lxc.uts.name = web',
  },
  // The engine reports this rule while it applies suppressions (see suppress/): it needs every other finding.
  check() {},
});
