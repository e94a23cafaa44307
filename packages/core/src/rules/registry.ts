/** Every rule, by category. Each category's index lists its rule files. */
import { keyRules } from './key/index';
import { syntaxRules } from './syntax/index';
import type { Rule } from './types';

export const allRules: readonly Rule[] = [...syntaxRules, ...keyRules];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
