import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on localhost that keeps what it receives, for tests to read back. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private waiters: Array<() => void> = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          this.messages.push(mail);
          this.waiters.splice(0).forEach((w) => w());
          callback();
        })
        .catch(callback);
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Mails to this address, oldest first. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => {
      const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      return to.some((t) =>
        t.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
      );
    });
  }

  /** Waits (up to `ms`) for the nth mail to an address. */
  async waitFor(address: string, count = 1, ms = 10000): Promise<ParsedMail> {
    const deadline = Date.now() + ms;
    while (this.to(address).length < count) {
      if (Date.now() > deadline) throw new Error(`No mail #${count} to ${address} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200).unref();
      });
    }
    return this.to(address)[count - 1];
  }

  /**
   * Waits (up to `ms` for each) for the first mail to an address whose subject `matches`, past
   * the others it got before (earlier tests' mails).
   */
  async waitForSubject(
    address: string,
    matches: (subject: string) => boolean,
    ms = 10000,
  ): Promise<ParsedMail> {
    for (let n = 1; ; n++) {
      const mail = await this.waitFor(address, n, ms);
      if (matches(mail.subject ?? '')) return mail;
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The first link in a mail's text part that starts with the given URL prefix. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const text = mail.text ?? '';
  const match = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]+`));
  if (!match) throw new Error(`No link starting with ${prefix} in mail "${mail.subject}"`);
  return match[0];
}

export function tokenFrom(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}
