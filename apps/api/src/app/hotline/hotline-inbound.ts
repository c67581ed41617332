import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HOTLINE_LIMITS } from '@blup/contracts';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { HotlineService } from './hotline.service';
import { requestIdFromAddress } from './reply-address';
import { stripQuotedReply } from './reply-text';

/** An SMTP refusal: the sending server bounces it to the sender with this code. */
function refusal(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Worker role: an SMTP listener for replies to the hotline's answer mails (HOTLINE_SMTP_PORT; off
 * when unset). The domain's mail server forwards `hotline+…@` mail here.
 * - RCPT TO must be a reply address with a valid signature (checked in constant time), else 550:
 *   a forged or altered token never reaches a request;
 * - the message may be at most HOTLINE_LIMITS.inboundMailMaxBytes (advertised as SIZE; 552 beyond);
 * - its From must be the asker's address, else 550 and nothing is kept;
 * - the quoted part is stripped, and the new text is appended through `HotlineService`
 *   (the request opens again). An empty reply is refused.
 */
@Injectable()
export class HotlineInboundListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HotlineInboundListener.name);
  private server: SMTPServer | null = null;
  /** The port it listens on (HOTLINE_SMTP_PORT=0 picks a free one); null when off. */
  port: number | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hotline: HotlineService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { smtpPort, smtpHost } = this.config.hotline;
    if (smtpPort === null) return;
    const server = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      size: HOTLINE_LIMITS.inboundMailMaxBytes,
      banner: 'BLUP Akademiet hotline',
      // On shutdown, a sending server still mid-message gets this long before a 421 (it retries).
      closeTimeout: Math.min(5000, Math.floor(this.config.shutdownGraceMs / 4)),
      onRcptTo: (address, _session, callback) => {
        if (this.requestIdOf(address.address)) callback();
        else callback(refusal(550, 'No such mailbox'));
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    server.on('error', (error) => this.logger.warn({ msg: 'hotline smtp error', error }));
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(smtpPort, smtpHost, () => resolve());
      });
    } catch (error) {
      // The rest of the product works without it; replies wait in the sending server's queue.
      this.logger.error({
        msg: `Hotline replies: cannot listen on ${smtpHost}:${smtpPort}`,
        error,
      });
      return;
    }
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(`Hotline replies: SMTP on ${smtpHost}:${this.port}`);
  }

  /** Stops taking mail, and lets a reply being stored finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private requestIdOf(address: string): string | null {
    return requestIdFromAddress(this.config.signingSecret, address, this.config.hotline.mailDomain);
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readAll(stream);
    if (stream.sizeExceeded) throw refusal(552, 'Message too large');
    const mail = await simpleParser(raw);
    const from = mail.from?.value[0]?.address ?? '';
    const body = stripQuotedReply(mail.text ?? '');
    if (!body) throw refusal(550, 'The reply has no text above the quoted mail');
    if ([...body].length > HOTLINE_LIMITS.bodyMaxLength) {
      throw refusal(552, `The reply is longer than ${HOTLINE_LIMITS.bodyMaxLength} characters`);
    }
    const ids = new Set(
      session.envelope.rcptTo
        .map((r) => this.requestIdOf(r.address))
        .filter((id): id is string => id !== null),
    );
    let kept = false;
    for (const id of ids) {
      const outcome = await this.hotline.replyByMail(id, from, body, mail.messageId ?? null);
      this.logger.log({ msg: 'hotline mail reply', requestId: id, outcome });
      if (outcome === 'attached' || outcome === 'duplicate') kept = true;
    }
    if (!kept) throw refusal(550, 'Not accepted: send from the address the answer went to');
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
