export * from './types';
export * from './engine';
export { allRules, getRule } from './registry';
