export * from './random';
export * from './block';
export * from './draw';
export * from './attempt';
export * from './scoring';
export * from './stats';
export * from './gift';
