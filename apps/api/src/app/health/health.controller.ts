import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@blup/contracts';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { HealthResponseBody } from './health.responses';
import { HealthService, healthStatusCode } from './health.service';

/**
 * The route's contract (and its OpenAPI entry). In the HTTP app, `healthEndpoint` answers GET
 * and HEAD ahead of the framework with the same service and the same answer.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseBody, description: 'PostgreSQL and Redis answer.' })
  @ApiServiceUnavailableResponse({
    type: HealthResponseBody,
    description: 'PostgreSQL or Redis does not answer (`status: error`).',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    res.status(healthStatusCode(result));
    return result;
  }
}
