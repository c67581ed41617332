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

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join('\r\n');
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
 * streams per message: a fan-out composes thousands of these.
 */
export function buildNewsletterMime(mail: NewsletterMime): string {
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
    base64Lines(mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.html),
    `--${boundary}--`,
    '',
  );
  return lines.join('\r\n');
}
