import type { Rule } from '../types';

export const includeRules: Rule[] = [];
