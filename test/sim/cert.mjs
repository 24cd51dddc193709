// @ts-check
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The hosts the simulation answers for; the certificate names them all. */
export const SIM_HOSTS = ['app.impact.com', 'member.impactradius.com'];

const OPENSSL = '/usr/bin/openssl';

/** @type {Promise<{ key: string; cert: string }> | undefined} */
let pending;

/**
 * A throwaway self-signed certificate for the impact.com hosts, made once per process with
 * openssl (EC keys are fast). Browsers are told to ignore certificate errors; the PEM is also
 * returned so Node clients can trust it.
 */
export function certificate() {
  pending ??= generate();
  return pending;
}

async function generate() {
  const dir = await mkdtemp(join(tmpdir(), 'impact-sim-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const names = [...SIM_HOSTS, 'localhost'].map((h) => `DNS:${h}`).join(',');
  try {
    await promisify(execFile)(OPENSSL, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '7',
      '-subj',
      `/CN=${SIM_HOSTS[0]}`,
      '-addext',
      `subjectAltName=${names},IP:127.0.0.1`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } catch (error) {
    throw new Error(
      `could not make the simulation's certificate with ${OPENSSL} (apt-get install -y openssl)`,
      {
        cause: error,
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
