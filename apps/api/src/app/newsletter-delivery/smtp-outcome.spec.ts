import { deliveryMessageId, startJobId, wakeJobId } from './newsletter-delivery.constants';
import { classifySmtpError, retryDelayMs, smtpErrorText } from './smtp-outcome';

/** The shape nodemailer's SMTP errors have (smtp-connection `_formatError`). */
function smtpError(code: string, command: string, response?: string): Error {
  const responseCode = response ? Number(response.slice(0, 3)) : undefined;
  return Object.assign(new Error(`failed: ${response ?? ''}`), {
    code,
    command,
    response,
    responseCode,
  });
}

describe(classifySmtpError.name, () => {
  it('calls a 5xx refusal of the recipient a bounce', () => {
    expect(classifySmtpError(smtpError('EENVELOPE', 'RCPT TO', '550 5.1.1 No such user'))).toBe(
      'bounced',
    );
  });

  it('calls another 5xx a failure', () => {
    expect(classifySmtpError(smtpError('EMESSAGE', 'DATA', '554 5.6.0 Rejected'))).toBe('failed');
    expect(classifySmtpError(smtpError('EENVELOPE', 'MAIL FROM', '553 Bad sender'))).toBe('failed');
  });

  it('tries again after a 4xx, a lost connection, a timeout or a refused login', () => {
    expect(classifySmtpError(smtpError('EENVELOPE', 'RCPT TO', '451 4.7.1 Try later'))).toBe(
      'retry',
    );
    expect(classifySmtpError(smtpError('EMESSAGE', 'DATA', '421 Too busy'))).toBe('retry');
    expect(classifySmtpError(smtpError('ECONNECTION', 'CONN'))).toBe('retry');
    expect(classifySmtpError(smtpError('ETIMEDOUT', 'CONN'))).toBe('retry');
    expect(classifySmtpError(smtpError('EAUTH', 'AUTH PLAIN', '535 Bad credentials'))).toBe(
      'retry',
    );
    expect(classifySmtpError(new Error('socket hang up'))).toBe('retry');
  });

  it('fails an address nodemailer refuses before sending', () => {
    expect(classifySmtpError(smtpError('EENVELOPE', 'API'))).toBe('failed');
  });
});

describe(smtpErrorText.name, () => {
  it("keeps the server's reply, cut to a sensible length", () => {
    expect(smtpErrorText(smtpError('EENVELOPE', 'RCPT TO', '550 No such user'))).toBe(
      '550 No such user',
    );
    expect(smtpErrorText(new Error('x'.repeat(2000)))).toHaveLength(1000);
  });
});

describe(retryDelayMs.name, () => {
  it('doubles from the base', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('job and message ids', () => {
  it('names the newsletter and the send time, so a new time gets a new start job', () => {
    const at = new Date('2027-03-25T08:00:00Z');
    expect(startJobId('n1', at)).toBe(`start:n1:${at.getTime()}`);
    expect(startJobId('n1', new Date(at.getTime() + 1000))).not.toBe(startJobId('n1', at));
  });

  it('gives one wake job per newsletter and second', () => {
    const at = new Date('2027-03-25T08:00:00.200Z');
    expect(wakeJobId('n1', at)).toBe(wakeJobId('n1', new Date('2027-03-25T08:00:00.900Z')));
  });

  it('makes a Message-ID from the delivery id', () => {
    expect(deliveryMessageId('0b6f')).toBe('<0b6f@blup-akademiet>');
  });
});
