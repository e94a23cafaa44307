import encoding from './encoding';
import invalidLine from './invalid-line';
import nonLxcLine from './non-lxc-line';

export const syntaxRules = [invalidLine, nonLxcLine, encoding];
