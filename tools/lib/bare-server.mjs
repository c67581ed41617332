// The baseline for bench.mjs: a bare Node http server that answers every request with one
// fixed body.  node tools/lib/bare-server.mjs <port> <body file> <content type>
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, bodyFile, contentType] = process.argv.slice(2);
const body = readFileSync(bodyFile);

http
  .createServer((request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));
