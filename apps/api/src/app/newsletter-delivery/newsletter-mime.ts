import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import mimeFuncs from 'nodemailer/lib/mime-funcs';

/** One newsletter copy as the MIME builder takes it. */
export interface NewsletterMime {
  /** The From header's value, formatted once (formatAddress). */
  from: string;
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** Extra header lines (List-Unsubscribe and the like): ASCII values, written as they are. */
  headers: Readonly<Record<string, string>>;
  date?: Date;
}

/** An address as a header names it: `Name <a@b>`, the name quoted or RFC 2047-encoded as needed. */
export function formatAddress(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return address;
  return `${encodeAddressName(clean)} <${address}>`;
}

/** The From header's value from a `Name <a@b>` string (MAIL_FROM). */
export function formatFrom(mailFrom: string): string {
  const [first] = addressparser(mailFrom) as { name?: string; address?: string }[];
  if (!first?.address) return mailFrom;
  return formatAddress(first.name ?? '', first.address);
}

/** The bare address of a `Name <a@b>` string, for the SMTP envelope. */
export function envelopeAddress(mailFrom: string): string {
  const [first] = addressparser(mailFrom) as { address?: string }[];
  return first?.address ?? mailFrom;
}

function encodeAddressName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/([\\"])/g, '\\$1')}"`;
  return mimeFuncs.encodeWord(name, 'Q', 52);
}

/** Whether the builder can write this address as it is (else the caller composes it otherwise). */
export function isPlainAddress(address: string): boolean {
  return /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(address) && !/[<>()[\]\\,;:"]/.test(address);
}

/** Base64 lines are 76 characters (RFC 2045), parted by CRLF. */
const BASE64_LINE = 76;

/** The bytes `encoded` (base64) takes in lines of BASE64_LINE. */
function base64LinesLength(encoded: string): number {
  const lines = Math.ceil(encoded.length / BASE64_LINE);
  return encoded.length + 2 * Math.max(0, lines - 1);
}

/**
 * Writes `encoded` (base64, so one byte a character) into `out` at `at` in lines of
 * BASE64_LINE, in place: written whole, then each line moved up to make room for the CRLFs
 * before it, last line first, so no string is made per line. Returns where it ended.
 */
function writeBase64Lines(encoded: string, out: Buffer, at: number): number {
  out.write(encoded, at, 'latin1');
  const lines = Math.ceil(encoded.length / BASE64_LINE);
  for (let line = lines - 1; line > 0; line--) {
    const from = at + line * BASE64_LINE;
    const to = from + 2 * line;
    out.copyWithin(to, from, Math.min(from + BASE64_LINE, at + encoded.length));
    out[to - 2] = 0x0d;
    out[to - 1] = 0x0a;
  }
  return at + base64LinesLength(encoded);
}

/** Boundaries: unique per process and message, no random bytes drawn per message. */
const BOUNDARY_PREFIX = `--_blup_${randomBytes(9).toString('base64url')}_`;
let boundaryCount = 0;

function header(key: string, value: string): string {
  return mimeFuncs.foldLines(`${key}: ${value}`, 76);
}

/**
 * One newsletter copy as raw MIME: multipart/alternative, a text and an HTML part, both UTF-8
 * in base64 (so no line is too long and the boundary, outside the base64 alphabet, cannot occur
 * in them). What MailComposer would build for the same mail, without its tree of nodes and
 * streams per message: a fan-out composes thousands of these. Written straight into one buffer
 * (the two parts' base64 broken into lines in place): the bytes the SMTP pool sends.
 */
export function buildNewsletterMime(mail: NewsletterMime): Buffer {
  const boundary = `${BOUNDARY_PREFIX}${(boundaryCount++).toString(36)}`;
  const date = (mail.date ?? new Date()).toUTCString().replace(/GMT/, '+0000');
  const subject = mail.subject.replace(/[\r\n]+/g, ' ');
  const lines = [
    `From: ${mail.from}`,
    header('To', formatAddress(mail.to.name, mail.to.address)),
    header('Subject', mimeFuncs.encodeWords(subject, 'Q', 52)),
    `Message-ID: ${mail.messageId}`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
  ];
  for (const [key, value] of Object.entries(mail.headers)) {
    lines.push(`${key}: ${value.replace(/[\r\n]+/g, ' ')}`);
  }
  lines.push(
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    '',
  );
  const head = lines.join('\r\n');
  const between = `\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n`;
  const end = `\r\n--${boundary}--\r\n`;
  const text = Buffer.from(mail.text, 'utf8').toString('base64');
  const html = Buffer.from(mail.html, 'utf8').toString('base64');
  const headBytes = Buffer.byteLength(head, 'utf8');
  const out = Buffer.allocUnsafe(
    headBytes + base64LinesLength(text) + between.length + base64LinesLength(html) + end.length,
  );
  let at = out.write(head, 0, 'utf8');
  at = writeBase64Lines(text, out, at);
  at += out.write(between, at, 'latin1');
  at = writeBase64Lines(html, out, at);
  at += out.write(end, at, 'latin1');
  return out.subarray(0, at);
}
