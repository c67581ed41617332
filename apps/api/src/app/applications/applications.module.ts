import { DynamicModule, Module } from '@nestjs/common';

/** Applications for a full process, approval, and info meetings (issue 6). */
@Module({})
export class ApplicationsModule {
  static register(options: { worker: boolean }): DynamicModule {
    return { module: ApplicationsModule, providers: options.worker ? [] : [] };
  }
}
