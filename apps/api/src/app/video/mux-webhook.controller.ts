import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { MuxWebhookService, type WebhookReceipt } from './mux-webhook.service';

/** Where Mux sends its events. Signed by Mux, so public and exempt from CSRF (bootstrap.ts). */
@ApiExcludeController()
@Controller('webhooks/mux')
export class MuxWebhookController {
  constructor(private readonly service: MuxWebhookService) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.OK)
  receive(@Req() req: Request): Promise<WebhookReceipt> {
    // bootstrap.ts leaves this path's body raw: the signature is over the exact bytes.
    return this.service.receive(req.body, req.headers);
  }
}
