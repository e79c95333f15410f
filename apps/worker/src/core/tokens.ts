/** Injection tokens of the worker's shared providers (values that are not classes). */
export const CONFIG = Symbol('CONFIG');
export const LOGGER = Symbol('LOGGER');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');
export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');
/** Every job handler of the worker, collected for the registry (jobs/job-registry.ts). */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
/** The registry of enabled plugins (core/plugins.ts). */
export const PLUGINS = Symbol('PLUGINS');
