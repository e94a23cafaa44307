export * from './inet';
export * from './address';
export * from './mac';
export * from './ifname';
