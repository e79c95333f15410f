export * from './entities';
export * from './data-source';
export { migrations } from './migrations';
export * from './test-database';
export * from './sql';
export * from './notifications';
export * from './outbox';
