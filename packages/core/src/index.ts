/** @lxclint/core: pure (no fs, no process, no network). Hosts pass a FileSystem and HostFacts. */
export * from './syntax/index';
export * from './catalog/index';
export * from './model/index';
export * from './host/index';
export * from './rules/index';
export * from './values/index';
export { editDistance, suggest } from './util/suggest';
export { q as quoteForMessage } from './util/quote';
export * from './config/index';
export * from './suppress/index';
export * from './fix/index';
export * from './format/index';
export * from './migrate/index';
