import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  logLevel: string;
  /** Built client to serve; `null` serves the API only (tests). */
  clientDist: string | null;
  /** Hocuspocus store debounce in ms: how long edits stay uncompacted. */
  storeDebounceMs: number;
  /** Behind a TLS-terminating proxy: honour X-Forwarded-Proto/-For (and so set Secure cookies). */
  trustProxy: boolean;
  /** Login attempts allowed per minute for one address and e-mail. */
  loginAttemptsPerMinute: number;
  /** Ed25519 key signing decision-log heads (PEM or base64 PKCS#8); unset: a key file in `dataDir`. */
  signingKey?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CLIENT_DIST = path.resolve(here, '../../client/dist');

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    demo: env.FELLESPLAN_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDist: env.CLIENT_DIST === '' ? null : path.resolve(env.CLIENT_DIST ?? DEFAULT_CLIENT_DIST),
    storeDebounceMs: 2000,
    trustProxy: env.TRUST_PROXY === '1',
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 20),
    signingKey: env.FELLESPLAN_SIGNING_KEY,
  };
}
