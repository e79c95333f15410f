export * from './errors';
export * from './keys';
export * from './batches';
export * from './issue';
export * from './render';
export * from './notifications';
export * from './auto';
export * from './templates';
