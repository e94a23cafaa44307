export * from './filesystem';
export * from './resolve';
export * from './network';
export * from './effective';
export * from './effective-format';
