// The bench's lean HTTP client against real servers: Node's http server (lengths, chunks, closes)
// and a raw TCP server that sends its answer in pieces.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  LeanConnection,
  NodeConnection,
  prepareRequest,
  ResponseReader,
} from './lib/lean-http.mjs';

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

describe('lean-http', () => {
  const seen = [];
  let connections = 0;
  let base;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/chunked') {
        res.write('first,');
        setTimeout(() => res.end('second'), 5);
      } else if (req.url === '/close') {
        res.setHeader('connection', 'close');
        res.end('bye');
      } else if (req.url === '/empty') {
        res.statusCode = 204;
        res.end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 500);
      } else {
        res.setHeader('x-query-count', '3');
        res.statusCode = req.url === '/missing' ? 404 : 200;
        res.end(JSON.stringify({ echo: body }));
      }
    });
  });
  server.on('connection', () => (connections += 1));

  before(async () => {
    base = await listen(server);
  });
  after(() => server.close());

  for (const Client of [LeanConnection, NodeConnection]) {
    it(`${Client.name} sends the request as written and reads status, header and answers in turn`, async () => {
      const link = new Client(base);
      const before = connections;
      const post = prepareRequest(`${base}/echo?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 999 },
        body: '{"å":1}',
      });
      const first = await link.send(post);
      assert.equal(first.status, 200);
      assert.equal(first.header('x-query-count'), '3');
      assert.equal(first.header('x-absent'), undefined);
      const last = seen.at(-1);
      assert.deepEqual([last.method, last.url, last.body], ['POST', '/echo?x=1', '{"å":1}']);
      assert.equal(last.headers['content-length'], String(Buffer.byteLength('{"å":1}')));
      // Chunked, bodiless and error answers on the same kept-alive connection.
      assert.equal((await link.send(prepareRequest(`${base}/chunked`))).status, 200);
      assert.equal((await link.send(prepareRequest(`${base}/empty`))).status, 204);
      assert.equal((await link.send(prepareRequest(`${base}/missing`))).status, 404);
      assert.equal(connections - before, 1);
      link.close();
    });
  }

  it('opens a new connection after the server closes one', async () => {
    const link = new LeanConnection(base);
    const before = connections;
    assert.equal((await link.send(prepareRequest(`${base}/close`))).status, 200);
    assert.equal((await link.send(prepareRequest(`${base}/ok`))).status, 200);
    assert.equal(connections - before, 2);
    link.close();
  });

  it('fails a request that outlives its timeout, and recovers', async () => {
    const link = new LeanConnection(base, { timeoutMs: 50 });
    await assert.rejects(link.send(prepareRequest(`${base}/slow`)), /timeout/);
    assert.equal((await link.send(prepareRequest(`${base}/ok`))).status, 200);
    link.close();
  });

  it('reads an answer that arrives a byte at a time, and a cut one as a failure', async () => {
    const answer = Buffer.from(
      'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    const reader = new ResponseReader();
    let result = null;
    for (let i = 0; i < answer.length; i += 1) {
      assert.equal(result, null);
      result = reader.push(answer.subarray(i, i + 1));
    }
    assert.equal(result.status, 201);
    assert.equal(result.rest.length, 0);

    const raw = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc');
        setTimeout(() => socket.destroy(), 5);
      });
    });
    const rawBase = await listen(raw);
    const link = new LeanConnection(rawBase);
    await assert.rejects(link.send(prepareRequest(`${rawBase}/`)), /closed before the answer/);
    link.close();
    raw.close();
  });
});
