import { setTimeout as sleep } from 'node:timers/promises';

/** One message as the mail catcher's JSON shows it (the fields the tests read). */
export interface CaughtMail {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  subject: string;
  text: string;
  html: string;
}

export interface WaitForMailOptions {
  /** Only mail received after this moment counts (take it before the action that sends). */
  since?: Date;
  timeoutMs?: number;
}

/**
 * Reads what the API sent, from the mail catcher the global setup started. Mail goes out
 * through a queue, so every read polls until the message is there.
 */
export class MailReader {
  constructor(
    private readonly mailUrl: string,
    private readonly baseUrl: string,
  ) {}

  /** The newest mail to `address`, waiting for it to arrive. */
  async newestTo(
    address: string,
    { since, timeoutMs = 15_000 }: WaitForMailOptions = {},
  ): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await fetch(`${this.mailUrl}/messages?to=${encodeURIComponent(address)}`);
      if (!response.ok) throw new Error(`The mail catcher answered HTTP ${response.status}`);
      const messages = (await response.json()) as CaughtMail[];
      const newest = messages.find((mail) => !since || new Date(mail.receivedAt) >= since);
      if (newest) return newest;
      if (Date.now() > deadline) {
        const when = since ? ` since ${since.toISOString()}` : '';
        throw new Error(`No mail to ${address}${when} within ${timeoutMs / 1000} s`);
      }
      await sleep(200);
    }
  }

  /** The newest mail to `address` and, from its text, the link to `path` (e.g. `/invitation`). */
  async linkTo(address: string, path: string, options?: WaitForMailOptions): Promise<string> {
    const mail = await this.newestTo(address, options);
    return linkIn(mail, `${this.baseUrl}${path}`);
  }
}

/** The first address in the mail's text that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const links = mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  const link = links.find((candidate) => candidate.startsWith(prefix));
  if (!link) {
    throw new Error(
      `The mail "${mail.subject}" has no link starting with ${prefix}. Its links: ${links.join(', ') || 'none'}`,
    );
  }
  return link;
}

/** The token a link carries in `?token=`. */
export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`The link ${link} carries no token`);
  return token;
}
