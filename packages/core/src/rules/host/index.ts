import type { Rule } from '../types';

export const hostRules: Rule[] = [];
