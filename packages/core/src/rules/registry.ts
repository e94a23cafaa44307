/** Every rule, by category. Each category's index.ts lists its rule files. */
import { hostRules } from './host/index';
import { includeRules } from './include/index';
import { keyRules } from './key/index';
import { networkRules } from './network/index';
import { suppressionRules } from './suppression/index';
import { syntaxRules } from './syntax/index';
import type { Rule } from './types';
import { valueRules } from './value/index';

export const allRules: readonly Rule[] = [...syntaxRules, ...keyRules, ...valueRules, ...networkRules, ...hostRules, ...includeRules, ...suppressionRules];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
