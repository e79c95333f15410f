export * from './storage';
export * from './local-disk';
