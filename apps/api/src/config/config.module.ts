import { Global, Module, type DynamicModule, Inject } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injects the typed configuration validated at start-up (nothing else reads process.env). */
export const InjectConfig = () => Inject(APP_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
