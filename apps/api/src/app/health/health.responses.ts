import { ApiProperty } from '@nestjs/swagger';
import type { HealthResponse, LivenessResponse, ReadinessResponse } from '@blup/contracts';

const UP_DOWN = ['up', 'down'] as const;

class HealthChecksResponse {
  @ApiProperty({ enum: UP_DOWN }) database: 'up' | 'down';
  @ApiProperty({ enum: UP_DOWN }) redis: 'up' | 'down';
}

/** What HealthService.check answers (200 when both are up, 503 otherwise). */
export class HealthResponseBody implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksResponse }) checks: HealthChecksResponse;
}

/** What the liveness probe answers: always `ok` while the process answers at all. */
export class LivenessResponseBody implements LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** What HealthService.ready answers (200 when both are up and the process is not draining). */
export class ReadinessResponseBody extends HealthResponseBody implements ReadinessResponse {
  @ApiProperty({ description: 'The process is shutting down: send requests elsewhere.' })
  draining: boolean;
}
