import { Inject } from '@nestjs/common';

export const PLUGINS = Symbol('PLUGINS');
/** Injects the registry of the enabled plugins (CAKAP_PLUGINS), built once at start-up. */
export const InjectPlugins = () => Inject(PLUGINS);
