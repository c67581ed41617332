import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'blup:isPublic';

/** The route needs no session. Everything else does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
