/**
 * What a failed SMTP send means for its delivery row:
 * - `bounced`: the server refused the recipient for good (5xx at RCPT TO);
 * - `failed`: it refused the message for good (another 5xx, or an address nodemailer rejects);
 * - `retry`: try again later (4xx, a dropped or refused connection, a timeout, a failed login).
 */
export type SmtpOutcome = 'bounced' | 'failed' | 'retry';

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Errors about our own side (connection, login, TLS): never the recipient's fault. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAUTH',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EPROTOCOL',
  'ECLOSED',
]);

export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = (error ?? {}) as SmtpError;
  const command = (e.command ?? '').toUpperCase();
  const code = typeof e.responseCode === 'number' ? e.responseCode : 0;
  if (code >= 500 && code < 600 && !command.startsWith('AUTH') && command !== 'CONN') {
    return command.startsWith('RCPT') ? 'bounced' : 'failed';
  }
  if (code >= 400) return 'retry';
  if (e.code && TRANSIENT_CODES.has(e.code)) return 'retry';
  // Nodemailer's own checks before talking to the server (a malformed address, no recipient).
  if ((e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && command === 'API') return 'failed';
  return 'retry';
}

/** The words kept in `last_error`: the server's reply when there is one. */
export function smtpErrorText(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const text = e.response?.trim() || e.message || String(error);
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

/** Wait before try `attempt + 1` after try `attempt` failed: base, 2×base, 4×base, … */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 16);
}
