export * from './errors';
export * from './common';
export * from './i18n';
export * from './nip';
export * from './people';
export * from './auth';
export * from './imports';
export * from './queues';
