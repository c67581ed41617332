import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@blup/contracts';
import Mux from '@mux/mux-node';
import type { IncomingHttpHeaders } from 'node:http';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppException, notFound } from '../common/app-exception';
import { VideoEventsProducer } from './video-events.producer';
import { MUX_CLIENT } from './mux.provider';
import { parseMuxEvent } from './mux-events';
import { insertVideoEvent, videoEventProcessed } from './video.queries';

export interface WebhookReceipt {
  received: true;
  /** This event id was received before; it is not processed again. */
  duplicate: boolean;
}

/**
 * Why a webhook's signature does not hold, from the SDK's verifySignature error: a 400 for a
 * request that is not a signed webhook at all, a 401 for a signature that does not prove it
 * came from Mux now (wrong secret, changed body, more than 5 minutes old).
 */
export function webhookSignatureError(error: unknown): AppException {
  const text = error instanceof Error ? error.message : String(error);
  if (/could not find a mux-signature header/i.test(text)) {
    return new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      'The mux-signature header is missing: only Mux may call this address.',
    );
  }
  if (/unable to extract|no v1 signatures/i.test(text)) {
    return new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      'The mux-signature header is not in the form t=<time>,v1=<signature>.',
    );
  }
  if (/too old/i.test(text)) {
    return new AppException(
      HttpStatus.UNAUTHORIZED,
      ErrorCode.BadRequest,
      'The webhook’s signature is more than 5 minutes old.',
    );
  }
  return new AppException(
    HttpStatus.UNAUTHORIZED,
    ErrorCode.BadRequest,
    'The webhook’s signature does not match its body and our webhook secret.',
  );
}

/**
 * Mux's webhooks: verified against the raw body with the SDK (5-minute tolerance), stored by
 * event id (a replay is acknowledged and skipped), and queued for the worker.
 */
@Injectable()
export class MuxWebhookService {
  private readonly logger = new Logger(MuxWebhookService.name);

  constructor(
    @Inject(MUX_CLIENT) private readonly mux: Mux | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly producer: VideoEventsProducer,
  ) {}

  async receive(rawBody: unknown, headers: IncomingHttpHeaders): Promise<WebhookReceipt> {
    const secret = this.config.video.mux?.webhookSecret;
    if (!this.mux || !secret) throw notFound('Mux is not configured on this server.');
    if (!Buffer.isBuffer(rawBody)) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'The webhook must be a JSON body sent as application/json.',
      );
    }
    let body: unknown;
    try {
      body = await this.mux.webhooks.unwrap(rawBody.toString('utf8'), toHeaders(headers), secret);
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.InvalidJson,
          'The webhook body is not valid JSON.',
        );
      }
      const refusal = webhookSignatureError(error);
      this.logger.warn({ msg: 'webhook refused', reason: refusal.message });
      throw refusal;
    }
    const event = parseMuxEvent(body);
    if (!event) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.BadRequest,
        'The webhook is not a Mux event: it needs id, type, created_at and data.',
      );
    }
    const duplicate = !(await insertVideoEvent(this.db, event));
    // Stored before: queue it again only if it was never processed (the first enqueue may have
    // failed). The job id is the event id, so a job still waiting is not doubled.
    if (duplicate && (await videoEventProcessed(this.db, event.id))) {
      return { received: true, duplicate };
    }
    await this.producer.enqueue(event.id);
    return { received: true, duplicate };
  }
}

function toHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
