// @ts-check
/**
 * The switches every Chromium in this repo's tests, demo and benchmark runs with. Without the
 * background-networking ones, Chromium keeps dialling Google's hosts on this closed network; as
 * root it needs --no-sandbox. One list, so the extension's browser and the comparison browser in
 * the benchmark cannot drift apart.
 */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Resolves `hosts` to the simulation on loopback and accepts its self-signed certificate.
 * @param {readonly string[]} hosts
 * @param {number} port
 */
export const mapHostsArgs = (hosts, port) => [
  `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
  '--ignore-certificate-errors',
];
