export * from './workflow';
export * from './content';
export * from './snapshot';
export * from './progress';
