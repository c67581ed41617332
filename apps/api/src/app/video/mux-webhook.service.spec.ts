import Mux from '@mux/mux-node';
import { createHmac } from 'node:crypto';
import { webhookSignatureError } from './mux-webhook.service';

/** The SDK's own verification (what the service calls), and how its refusals are answered. */
describe('Mux webhook signatures', () => {
  const secret = 'whsec-test-secret';
  const sut = new Mux({ tokenId: 'id', tokenSecret: 'secret', webhookSecret: secret });
  const body = JSON.stringify({ id: 'ev-1', type: 'video.asset.ready', data: {} });
  const header = (t: number, key = secret, payload = body): string =>
    `t=${t},v1=${createHmac('sha256', key).update(`${t}.${payload}`).digest('hex')}`;
  const now = (): number => Math.floor(Date.now() / 1000);

  async function refusal(raw: string, headers: Record<string, string>): Promise<number> {
    try {
      await sut.webhooks.unwrap(raw, headers, secret);
    } catch (error) {
      return webhookSignatureError(error).getStatus();
    }
    return 200;
  }

  it('accepts a body signed now with the secret', async () => {
    await expect(
      sut.webhooks.unwrap(body, { 'mux-signature': header(now()) }, secret),
    ).resolves.toMatchObject({
      id: 'ev-1',
    });
  });

  it('answers a changed body or the wrong secret with 401', async () => {
    expect(await refusal(body.replace('ev-1', 'ev-2'), { 'mux-signature': header(now()) })).toBe(
      401,
    );
    expect(await refusal(body, { 'mux-signature': header(now(), 'wrong') })).toBe(401);
  });

  it('answers a signature older than 5 minutes with 401', async () => {
    expect(await refusal(body, { 'mux-signature': header(now() - 301) })).toBe(401);
    expect(await refusal(body, { 'mux-signature': header(now() - 290) })).toBe(200);
  });

  it('answers a missing or malformed header with 400', async () => {
    expect(await refusal(body, {})).toBe(400);
    expect(await refusal(body, { 'mux-signature': 'v1=abc' })).toBe(400);
    expect(await refusal(body, { 'mux-signature': `t=${now()}` })).toBe(400);
  });
});
