import includeCycle from './include-cycle';
import includeNotFound from './include-not-found';
import includeRelative from './include-relative';
import type { Rule } from '../types';

export const includeRules: Rule[] = [includeNotFound, includeCycle, includeRelative];
