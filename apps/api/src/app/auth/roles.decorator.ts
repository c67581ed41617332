import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Role } from '@blup/contracts';
import { ApiRoles } from '../common/openapi';

export const ROLES_KEY = 'blup:roles';

/** Only these roles may call the route (checked after the session). Finer rules live in services. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiRoles());
