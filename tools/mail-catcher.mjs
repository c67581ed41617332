// A development SMTP server that keeps what it receives in memory, with a web page to read it.
//
//   import { startMailCatcher } from './mail-catcher.mjs';   // used by start.mjs and bench.mjs
//   node tools/mail-catcher.mjs                             // on its own
//
// Web (loopback only):  /            the messages, newest first
//                       /view/:id    one message: its headers, text, and the HTML part in a
//                                    sandboxed iframe
//                       /raw/:id     the message exactly as received, as an .eml download
//                       /messages    JSON, newest first (?to=address filters); DELETE clears
//                       /messages/:id  (the JSON carries each message's headers, not its raw bytes)
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { listenOnFreePort } from './lib/net.mjs';

const MAX_MESSAGES = 500;
const MAX_SIZE = 25 * 1024 * 1024;

/**
 * Starts the SMTP server (from port `smtpPort` or the next free one) and, unless `web` is
 * false, the web page (from `webPort`). Resolves with { smtpUrl, webUrl, messages, stop }.
 */
export async function startMailCatcher({ smtpPort = 1025, webPort = 1080, web = true } = {}) {
  const messages = []; // newest first
  const smtp = createSmtpServer((message) => {
    messages.unshift(message);
    messages.length = Math.min(messages.length, MAX_MESSAGES);
  });
  const boundSmtpPort = await listenOnFreePort(smtp.server, smtpPort);

  let httpServer;
  let webUrl = null;
  if (web) {
    httpServer = http.createServer((req, res) => handleHttp(messages, req, res));
    webUrl = `http://localhost:${await listenOnFreePort(httpServer, webPort)}`;
  }

  const stop = async () => {
    httpServer?.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => smtp.close(resolve)),
      httpServer && new Promise((resolve) => httpServer.close(resolve)),
    ]);
  };
  return { smtpUrl: `smtp://127.0.0.1:${boundSmtpPort}`, webUrl, messages, stop };
}

function createSmtpServer(onMessage) {
  const server = new SMTPServer({
    name: 'blup-mail-catcher',
    banner: 'BLUP development mail catcher',
    logger: false,
    size: MAX_SIZE,
    disabledCommands: ['STARTTLS'], // plain SMTP: no certificate for clients to reject
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      readAll(stream)
        .then(async (raw) => {
          onMessage(toMessage(await simpleParser(raw), session.envelope, raw));
          callback();
        })
        .catch(callback);
    },
  });
  // Listen errors reach listenOnFreePort through server.server; what else is emitted here
  // (a client hanging up mid-session) must not take the catcher down.
  server.on('error', () => undefined);
  return server;
}

/** The whole stream as one Buffer: the raw message is kept for the .eml download. */
async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Every header line as received, unfolded: [{ name, value }] in message order. */
function headerList(mail) {
  return (mail.headerLines ?? []).map(({ line }) => {
    const unfolded = line.replace(/\r?\n[ \t]+/g, ' ');
    const colon = unfolded.indexOf(':');
    return colon < 0
      ? { name: unfolded, value: '' }
      : { name: unfolded.slice(0, colon).trim(), value: unfolded.slice(colon + 1).trim() };
  });
}

function toMessage(mail, envelope, raw) {
  const message = {
    id: randomUUID(),
    receivedAt: new Date().toISOString(),
    envelope: {
      from: envelope.mailFrom?.address ?? '',
      to: envelope.rcptTo.map((recipient) => recipient.address),
    },
    from: mail.from?.text ?? '',
    to: mail.to
      ? [mail.to]
          .flat()
          .map((address) => address.text)
          .join(', ')
      : '',
    subject: mail.subject ?? '',
    date: mail.date?.toISOString() ?? null,
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    attachments: mail.attachments.map(({ filename, contentType, size }) => ({
      filename,
      contentType,
      size,
    })),
    headers: headerList(mail),
  };
  // Not enumerable: the JSON views leave the raw bytes out; /raw/:id serves them.
  Object.defineProperty(message, 'raw', { value: raw, enumerable: false });
  return message;
}

// --- web -----------------------------------------------------------------------------------

function handleHttp(messages, req, res) {
  const url = new URL(req.url, 'http://localhost');
  const [, first, id] = url.pathname.split('/');
  const find = () => messages.find((message) => message.id === id);

  if (req.method === 'GET' && url.pathname === '/') return sendHtml(res, listPage(messages));
  if (req.method === 'GET' && first === 'view' && find()) return sendHtml(res, messagePage(find()));
  if (req.method === 'GET' && first === 'raw' && find()) return sendRaw(res, find());
  if (first === 'messages' && !id) {
    if (req.method === 'DELETE') {
      messages.length = 0;
      return sendJson(res, { deleted: true });
    }
    if (req.method === 'GET') return sendJson(res, filterByRecipient(messages, url));
  }
  if (req.method === 'GET' && first === 'messages' && find()) return sendJson(res, find());
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
}

function filterByRecipient(messages, url) {
  const to = url.searchParams.get('to')?.toLowerCase();
  if (!to) return messages;
  return messages.filter((message) =>
    message.envelope.to.some((address) => address.toLowerCase() === to),
  );
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

function sendHtml(res, html) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(html);
}

function sendJson(res, body) {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body, null, 2));
}

/** The message as received, as a download named after its subject. */
function sendRaw(res, message) {
  const name =
    (message.subject || 'message').replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'message';
  res.writeHead(200, {
    'content-type': 'message/rfc822',
    'content-disposition': `attachment; filename="message.eml"; filename*=UTF-8''${encodeURIComponent(name.slice(0, 80))}.eml`,
    'content-length': message.raw.length,
    ...SECURITY_HEADERS,
  });
  res.end(message.raw);
}

export function escapeHtml(value) {
  return String(value).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  );
}

/** Escapes text and turns http(s) addresses in it into links that open in a new tab. */
function linkify(text) {
  return escapeHtml(text).replace(
    /https?:\/\/[^\s<>"']+/g,
    (href) => `<a href="${href}" target="_blank" rel="noreferrer">${href}</a>`,
  );
}

const time = (iso) => escapeHtml(new Date(iso).toLocaleString('en-GB'));

function page(title, body, { refresh = false } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  th { white-space: nowrap; }
  td { overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: 1rem; }
  iframe { display: block; box-sizing: border-box; width: 100%; height: 80vh; min-height: 24rem; border: 1px solid #ddd; }
  .muted { color: #666; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function listPage(messages) {
  const rows = messages
    .map(
      (message) => `<tr>
  <td>${time(message.receivedAt)}</td>
  <td>${escapeHtml(message.from)}</td>
  <td>${escapeHtml(message.envelope.to.join(', '))}</td>
  <td><a href="/view/${escapeHtml(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a></td>
</tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    : '<p class="muted">No messages yet. This page refreshes every 5 seconds.</p>';
  return page(
    'Mail catcher',
    `<h1>Mail catcher</h1>
<p class="muted">${messages.length} message(s), newest first, kept in memory (at most ${MAX_MESSAGES}). JSON: <a href="/messages">/messages</a></p>
${table}`,
    { refresh: true },
  );
}

function messagePage(message) {
  // No scripts in the mail; links open in a new tab.
  const srcdoc = `<base target="_blank">${message.html}`;
  const html = message.html
    ? `<h2>HTML</h2>
<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(srcdoc)}"></iframe>`
    : '';
  const attachments = message.attachments.length
    ? `<p>Attachments: ${message.attachments
        .map((file) => `${escapeHtml(file.filename ?? '(unnamed)')} (${file.size} bytes)`)
        .join(', ')}</p>`
    : '';
  return page(
    message.subject || '(no subject)',
    `<p><a href="/">&larr; All messages</a></p>
<h1>${escapeHtml(message.subject || '(no subject)')}</h1>
<table>
  <tr><th>From</th><td>${escapeHtml(message.from)}</td></tr>
  <tr><th>To</th><td>${escapeHtml(message.to)}</td></tr>
  <tr><th>Envelope</th><td>${escapeHtml(message.envelope.from)} &rarr; ${escapeHtml(message.envelope.to.join(', '))}</td></tr>
  <tr><th>Received</th><td>${time(message.receivedAt)}</td></tr>
</table>
<p><a href="/raw/${escapeHtml(message.id)}" download>Download the raw message (.eml)</a></p>
${attachments}
<details open>
<summary><h2 style="display:inline">Headers</h2></summary>
<table class="headers">
${message.headers
  .map(
    (header) =>
      `  <tr><th>${escapeHtml(header.name)}</th><td><code>${escapeHtml(header.value)}</code></td></tr>`,
  )
  .join('\n')}
</table>
</details>
<h2>Text</h2>
<pre>${linkify(message.text) || '<span class="muted">(no text part)</span>'}</pre>
${html}`,
  );
}

// --- on its own ----------------------------------------------------------------------------

// Run as a script (import.meta.main needs Node 24; this works on any).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'smtp-port': { type: 'string' }, 'web-port': { type: 'string' } },
  });
  const catcher = await startMailCatcher({
    smtpPort: Number(values['smtp-port'] ?? 1025),
    webPort: Number(values['web-port'] ?? 1080),
  });
  console.log(`SMTP: ${catcher.smtpUrl}\nWeb:  ${catcher.webUrl}\nCtrl-C to stop.`);
  const stop = () => catcher.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
