import type { Rule } from '../types';

export const valueRules: Rule[] = [];
