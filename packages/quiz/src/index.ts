export * from './random';
export * from './block';
