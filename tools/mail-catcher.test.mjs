// node --test tools/mail-catcher.test.mjs (part of `npm run test:unit`)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { startMailCatcher } from './mail-catcher.mjs';

let catcher;
let sent;

before(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, webPort: 0 });
  const transport = nodemailer.createTransport({ url: catcher.smtpUrl });
  sent = await transport.sendMail({
    from: 'BLUP Akademiet <post@blup.test>',
    to: 'karen@landsby.test',
    subject: 'Nyhedsbrev: Kortlægning',
    text: 'Hej Karen\n\nAndet afsnit.',
    html: '<p>Hej Karen</p><p>Andet afsnit.</p>',
    headers: { 'List-Unsubscribe': '<https://blup.test/afmeld?t=abc>' },
  });
  transport.close();
});

after(() => catcher.stop());

async function only() {
  const list = await (await fetch(`${catcher.webUrl}/messages`)).json();
  assert.equal(list.length, 1);
  return list[0];
}

test('the JSON and the message page show the headers as sent', async () => {
  const message = await only();
  const header = (name) => message.headers.find((h) => h.name.toLowerCase() === name)?.value;
  assert.equal(header('list-unsubscribe'), '<https://blup.test/afmeld?t=abc>');
  assert.equal(header('message-id'), sent.messageId);
  assert.equal('raw' in message, false);

  const page = await (await fetch(`${catcher.webUrl}/view/${message.id}`)).text();
  assert.match(
    page,
    /<th>List-Unsubscribe<\/th><td><code>&lt;https:\/\/blup\.test\/afmeld\?t=abc&gt;/,
  );
  assert.match(page, /<th>Message-ID<\/th>/);
  assert.match(page, new RegExp(`href="/raw/${message.id}" download`));
});

test('/raw/:id downloads the message exactly as received, as an .eml', async () => {
  const message = await only();
  const response = await fetch(`${catcher.webUrl}/raw/${message.id}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'message/rfc822');
  assert.match(response.headers.get('content-disposition'), /^attachment; filename="message\.eml"/);
  const raw = Buffer.from(await response.arrayBuffer());
  const parsed = await simpleParser(raw);
  assert.equal(parsed.subject, 'Nyhedsbrev: Kortlægning');
  assert.equal(parsed.messageId, sent.messageId);
  const unsubscribe = parsed.headerLines.find((h) => h.key === 'list-unsubscribe');
  assert.equal(unsubscribe?.line, 'List-Unsubscribe: <https://blup.test/afmeld?t=abc>');
  assert.equal(parsed.text.trim(), 'Hej Karen\n\nAndet afsnit.');
});

test('an unknown id is a 404', async () => {
  const response = await fetch(`${catcher.webUrl}/raw/00000000-0000-0000-0000-000000000000`);
  assert.equal(response.status, 404);
});
