import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, LivenessResponse, ReadinessResponse } from '@blup/contracts';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import {
  HealthResponseBody,
  LivenessResponseBody,
  ReadinessResponseBody,
} from './health.responses';
import { HealthService, healthStatusCode } from './health.service';

/**
 * The routes' contract (and their OpenAPI entries). In the HTTP app, `healthEndpoint` answers GET
 * and HEAD ahead of the framework with the same service and the same answers.
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

  /** For a liveness probe: no PostgreSQL or Redis look, since a restart would not fix them. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessResponseBody, description: 'The process runs.' })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /** For a readiness probe or a load balancer: whether to send this process requests. */
  @Public()
  @Get('ready')
  @ApiOkResponse({
    type: ReadinessResponseBody,
    description: 'PostgreSQL and Redis answer, and the process is not shutting down.',
  })
  @ApiServiceUnavailableResponse({
    type: ReadinessResponseBody,
    description:
      'Not ready (`status: error`): shutting down (`draining: true`), or PostgreSQL or Redis ' +
      'does not answer (`checks`).',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const result = await this.health.ready();
    res.status(healthStatusCode(result));
    return result;
  }
}
