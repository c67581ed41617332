import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPublic } from '../common/openapi';

export const IS_PUBLIC = 'blup:isPublic';

/** The route needs no session (documented with `security: []`). Everything else does. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());
