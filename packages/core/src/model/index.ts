export * from './filesystem';
export * from './resolve';
export * from './network';
