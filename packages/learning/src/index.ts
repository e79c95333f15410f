export * from './snapshots';
export * from './completion';
export * from './attempts';
export * from './evidence';
