import { connect, createServer, type Server } from 'node:net';

/**
 * Firefox has no host-resolver-rules flag, so it reaches "app.impact.com:443" through this CONNECT
 * proxy, which tunnels only the mapped hosts to the simulation on loopback and refuses the rest.
 */
export async function startConnectProxy(
  map: Record<string, number>,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((client) => {
    client.once('data', (head) => {
      const line = head.toString('latin1').split('\r\n')[0] ?? '';
      const target = /^CONNECT ([^\s]+) HTTP/.exec(line)?.[1];
      const port = target ? map[target] : undefined;
      if (port === undefined) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy did not bind');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
