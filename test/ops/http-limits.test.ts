// Slow and greedy clients are bounded by the app's own HTTP server (settings HTTP_*), so a
// deployment without nginx in front is not at their mercy either.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { expect } from 'chai';
import express from 'express';
import { loadConfig } from '../../server/src/config.js';
import { createHttpServer } from '../../server/src/server.js';

/** What the server sent on this socket until it closed (or reset) it. */
async function untilClosed(socket: Socket) {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (c: string) => (text += c));

  await once(socket, 'close');
  return text;
}

async function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {}); // a dropped connection may be reset: one of the endings awaited
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

describe('ops: HTTP limits in the app', () => {
  let server: Server;
  let port: number;
  before(async () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://unused/wfp',
      HTTP_HEADERS_TIMEOUT_MS: '300',
      HTTP_REQUEST_TIMEOUT_MS: '600',
      HTTP_KEEPALIVE_TIMEOUT_MS: '200',
    });
    const app = express();
    app.get('/ok', (_req, res) => res.send('ok'));
    app.post('/ok', (req, res) => req.resume().on('end', () => res.send('ok')));
    server = createHttpServer(app, config.http);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('answers a client that sends its request in time (positive control)', async () => {
    const socket = await open(port);
    socket.end('GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await untilClosed(socket)).to.match(/^HTTP\/1\.1 200 [\s\S]*ok$/);
  });

  it('cuts off a client that never finishes its headers', async () => {
    const socket = await open(port);
    socket.write('GET /ok HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(await untilClosed(socket)).to.match(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a client that never finishes its body', async () => {
    const socket = await open(port);
    socket.write('POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly a little');
    expect(await untilClosed(socket)).to.match(/^HTTP\/1\.1 408 /);
  });

  it('closes idle keep-alive connections', async () => {
    const socket = await open(port);
    socket.write('GET /ok HTTP/1.1\r\nHost: x\r\n\r\n');
    // The answer arrives, then the server (not the client) closes the idle connection.
    expect(await untilClosed(socket)).to.match(/^HTTP\/1\.1 200 /);
  });

  it('drops connections beyond HTTP_MAX_CONNECTIONS instead of running out of descriptors', async () => {
    // Its own server, so no connection of the tests above still counts.
    const limited = createHttpServer(express(), {
      ...loadConfig({ MONGODB_URI: 'mongodb://x/y' }).http,
      maxConnections: 3,
    });
    limited.listen(0, '127.0.0.1');
    await once(limited, 'listening');
    const limitedPort = (limited.address() as { port: number }).port;
    const held = await Promise.all([open(limitedPort), open(limitedPort), open(limitedPort)]);
    const dropped = once(limited, 'drop');
    const extra = await open(limitedPort);
    await dropped;
    expect(await untilClosed(extra)).to.equal('');
    for (const s of held) s.destroy();
    limited.close();
  });
});
