import { ApiProperty } from '@nestjs/swagger';
import type { HealthResponse } from '@blup/contracts';

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
