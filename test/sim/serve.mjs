#!/usr/bin/env node
// @ts-check
/**
 * Runs the simulated impact.com until Ctrl-C, for trying the extension by hand.
 *   node test/sim/serve.mjs [--port 8443] [--scenario '{"lang":"ja","confirmStep":true}']
 */
import { parseArgs } from 'node:util';
import { SIM_PATHS, startSim } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    scenario: { type: 'string', default: '{}' },
  },
});

const sim = await startSim({
  port: Number(values.port),
  scenario: JSON.parse(values.scenario ?? '{}'),
});
console.log(`Simulated impact.com on ${sim.origin}
  partner API page: https://app.impact.com${SIM_PATHS.partnerApi}
  brand API page:   https://app.impact.com${SIM_PATHS.brandApi}
Start Chromium with:
  --host-resolver-rules="${sim.hostResolverRules}" --ignore-certificate-errors
or point any browser's HTTPS proxy at 127.0.0.1:${sim.proxyPort} (it tunnels only the impact.com hosts)
Test endpoints: ${sim.origin}/__sim/records, /__sim/scenario, /__sim/reset (see test/sim/README.md)`);

const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
