// @ts-check
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { SIM_HOSTS } from './cert.mjs';

/**
 * A tiny HTTP proxy that tunnels the impact.com hosts to the simulation and refuses everything
 * else. Chromium can map hosts with --host-resolver-rules; Firefox cannot, but it can use a proxy
 * (prefs network.proxy.type=1, network.proxy.ssl/_port), so this is how Firefox reaches the sim.
 * @param {number} simPort
 * @param {readonly string[]} [hosts] the hosts to tunnel (default: the impact.com hosts); the e2e
 *   harness adds an unrelated host to prove where the extension must not run.
 * @returns {Promise<{ port: number; close(): Promise<void> }>}
 */
export async function startProxy(simPort, hosts = SIM_HOSTS) {
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const server = createServer((req, res) => {
    // Plain http:// to a sim host: send it to https, as impact.com does.
    const url = new URL(req.url ?? '/', 'http://invalid');
    if (hosts.includes(url.hostname)) {
      res.writeHead(301, { location: `https://${url.hostname}${url.pathname}${url.search}` });
    } else res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, client, head) => {
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    if (!hosts.includes(host) || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(simPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
