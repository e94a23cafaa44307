import { defineRule } from '../types';

export default defineRule({
  id: 'suppression-malformed',
  category: 'suppression',
  severity: 'warning',
  summary: 'An lxclint suppression comment cannot be read, or names a rule that does not exist',
  docs: {
    description:
      'Suppression comments are `# lxclint-disable-next-line RULE[, RULE...] [-- reason]` (the next line that is not ' +
      'blank or a comment) and `# lxclint-disable RULE[, RULE...] [-- reason]` (the whole file). This rule reports a ' +
      'directive lxclint cannot read: an unknown directive word, rule ids not separated by commas, an unknown rule id, ' +
      'an empty reason after `--`, a next-line directive at the end of the file, or a directive written after a value ' +
      '(LXC has no trailing comments, so there it is part of the value). A directive that cannot be read suppresses ' +
      'nothing; an unknown id is dropped from its list. LXC itself ignores all of these comments.',
    bad: '# lxclint-disable-next-line duplicate-keys because we override it\nlxc.uts.name = web',
    good: '# lxclint-disable-next-line duplicate-key -- overridden on purpose\nlxc.uts.name = web',
  },
  // The engine reports this rule while it applies suppressions (see suppress/): it needs every other finding.
  check() {},
});
