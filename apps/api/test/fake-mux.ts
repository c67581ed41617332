import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * A local stand-in for the Mux API, at the HTTP boundary: only the endpoints our code calls
 * (create a direct upload; delete the asset a new upload replaces). It records every request, checks the
 * Basic auth the SDK sends, and signs webhooks exactly as Mux does.
 */
export class FakeMux {
  readonly tokenId = 'fake-token-id';
  readonly tokenSecret = 'fake-token-secret';
  readonly webhookSecret = randomBytes(24).toString('hex');
  readonly signingKeyId = 'fake-signing-key';
  /** The signing key pair, as Mux hands it out: the private key a base64 PKCS#1 PEM. */
  readonly signingKeyPrivate: string;
  readonly signingKeyPublicPem: string;
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private url = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    this.signingKeyPrivate = Buffer.from(privateKey).toString('base64');
    this.signingKeyPublicPem = publicKey;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The environment startTestApp needs to talk to this fake. */
  env(): Record<string, string> {
    return {
      MUX_TOKEN_ID: this.tokenId,
      MUX_TOKEN_SECRET: this.tokenSecret,
      MUX_WEBHOOK_SECRET: this.webhookSecret,
      MUX_SIGNING_KEY_ID: this.signingKeyId,
      MUX_SIGNING_KEY_PRIVATE: this.signingKeyPrivate,
      MUX_BASE_URL: this.url,
    };
  }

  /** The mux-signature header Mux sends: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
  sign(body: string, { secret = this.webhookSecret, at = new Date() } = {}): string {
    const t = Math.floor(at.getTime() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    return `t=${t},v1=${v1}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0];
    this.requests.push({
      method: req.method ?? '',
      path,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    const expected = `Basic ${Buffer.from(`${this.tokenId}:${this.tokenSecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      return send(res, 401, { error: { type: 'unauthorized', messages: ['Unauthorized'] } });
    }
    if (req.method === 'POST' && path === '/video/v1/uploads') {
      const body = JSON.parse(text) as Record<string, unknown>;
      const id = `upload-${randomBytes(6).toString('hex')}`;
      return send(res, 201, {
        data: {
          id,
          url: `https://storage.googleapis.com/video-storage-fake/${id}?upload_id=${id}`,
          status: 'waiting',
          timeout: 3600,
          cors_origin: body['cors_origin'],
          new_asset_settings: body['new_asset_settings'],
        },
      });
    }
    if (req.method === 'DELETE' && /^\/video\/v1\/assets\/[\w-]+$/.test(path)) {
      res.writeHead(204).end();
      return;
    }
    send(res, 404, {
      error: { type: 'not_found', messages: [`No fake for ${req.method} ${path}`] },
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A webhook event as Mux sends it, with the fields our code reads. */
export function muxEvent(
  type: string,
  data: Record<string, unknown>,
  createdAt: Date = new Date(),
): { id: string; type: string; created_at: string; data: Record<string, unknown> } & Record<
  string,
  unknown
> {
  return {
    id: randomBytes(16).toString('hex'),
    type,
    created_at: createdAt.toISOString(),
    object: { type: type.split('.')[1], id: data['id'] },
    environment: { name: 'Test', id: 'env-test' },
    attempts: [],
    data,
  };
}
