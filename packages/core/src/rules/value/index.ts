import type { Rule } from '../types';
import invalidValue from './invalid-value';
import loadTimeEffect from './load-time-effect';
import mutuallyExclusiveKeys from './mutually-exclusive-keys';
import numericBase from './numeric-base';
import quotedValue from './quoted-value';
import surprisingValue from './surprising-value';
import valueIgnored from './value-ignored';

export const valueRules: Rule[] = [invalidValue, numericBase, valueIgnored, surprisingValue, loadTimeEffect, mutuallyExclusiveKeys, quotedValue];
