import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oidcConfigFromEnv, type OidcConfig } from './auth/oidc/oidcConfig.js';
import { commandLimitsFromEnv, type CommandLimitsConfig } from './http/commandLimits.js';
import { allowedHostsFromEnv } from './http/allowedHosts.js';
import { trustProxyFromEnv, type TrustProxy } from './http/trustProxy.js';
import { redisPrefixFromEnv, redisUrlFromEnv } from './scaleOut/redisOptions.js';
import { metricsTokenFromEnv } from './observability/metricsAccess.js';

/**
 * Every edit is stored as it arrives; compaction only folds a document's rows together. Seldom is
 * enough, and each compaction is a commit the writers' commits wait behind (docs/benchmarks.md):
 * after this long without edits, and at most every MAX_DEBOUNCE_FACTOR times it while anyone types.
 */
export const STORE_DEBOUNCE_MS = 5000;
export const MAX_DEBOUNCE_FACTOR = 6;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /**
   * `postgres://…` runs storage on PostgreSQL; `null` keeps the embedded SQLite file in `dataDir`.
   * `dataDir` still holds the signing key file when `signingKey` is unset.
   */
  databaseUrl: string | null;
  demo: boolean;
  logLevel: string;
  /** Built client to serve; `null` serves the API only (tests). */
  clientDist: string | null;
  /** Hocuspocus store debounce in ms: how long edits stay uncompacted. */
  storeDebounceMs: number;
  /**
   * Which proxies to believe about X-Forwarded-For/-Proto: `false` none, a number of hops, or
   * proxy addresses/CIDRs. Never `true`: that believes whatever the client writes.
   */
  trustProxy: TrustProxy;
  /** Login attempts allowed per minute for one address and e-mail. */
  loginAttemptsPerMinute: number;
  /** Commands per minute per user and per plan (429 `too_many_requests` past them). */
  commandLimits: CommandLimitsConfig;
  /** Login attempts allowed per minute for one address, whatever the e-mail. */
  loginAttemptsPerAddressPerMinute: number;
  /** Host names (optionally with port) the server answers to; see `allowedHostsFromEnv`. */
  allowedHosts: string[];
  /** Ed25519 key signing decision-log heads (PEM or base64 PKCS#8); unset: a key file in `dataDir`. */
  signingKey?: string;
  /** OpenID Connect login (`OIDC_*`); unset or `null`: no OpenID Connect button. */
  oidc?: OidcConfig | null;
  /** Whether people may sign in with a password (`LOCAL_PASSWORDS=0` turns it off); default true. */
  localPasswords?: boolean;
  /**
   * The address people reach the server at (`PUBLIC_URL`, no trailing slash): links in setup
   * lines and invitations. Unset: the origin of the request that made the link.
   */
  publicUrl?: string | null;
  /** `smtp://` or `smtps://` URL of the mail server invitations go through; unset: no e-mail. */
  smtpUrl?: string | null;
  /** The sender of e-mails (`SMTP_FROM`). */
  mailFrom?: string;
  /**
   * `REDIS_URL`: several instances share section documents and tell each other about commands
   * through this Redis (DESIGN 3). Unset or null: one instance.
   */
  redisUrl?: string | null;
  /** `REDIS_PREFIX`: what the instances' Redis keys and channels start with (default `fellesplan`). */
  redisPrefix?: string;
  /** Bearer token that `/metrics` asks for (`METRICS_TOKEN`); unset or null: loopback scrapers only. */
  metricsToken?: string | null;
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
    databaseUrl: databaseUrlFromEnv(env.DATABASE_URL),
    demo: env.FELLESPLAN_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDist: env.CLIENT_DIST === '' ? null : path.resolve(env.CLIENT_DIST ?? DEFAULT_CLIENT_DIST),
    storeDebounceMs: STORE_DEBOUNCE_MS,
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    loginAttemptsPerMinute: positiveInteger('LOGIN_ATTEMPTS_PER_MINUTE', env.LOGIN_ATTEMPTS_PER_MINUTE, 20),
    loginAttemptsPerAddressPerMinute: positiveInteger(
      'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE',
      env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE,
      60,
    ),
    allowedHosts: allowedHostsFromEnv(env),
    commandLimits: commandLimitsFromEnv(env),
    signingKey: env.FELLESPLAN_SIGNING_KEY,
    oidc: oidcConfigFromEnv(env),
    localPasswords: booleanFlag('LOCAL_PASSWORDS', env.LOCAL_PASSWORDS, true),
    publicUrl: publicUrlFromEnv(env.PUBLIC_URL),
    smtpUrl: smtpUrlFromEnv(env.SMTP_URL),
    mailFrom: env.SMTP_FROM?.trim() || `Fellesplan <fellesplan@${mailDomain(env.PUBLIC_URL)}>`,
    redisUrl: redisUrlFromEnv(env.REDIS_URL),
    redisPrefix: redisPrefixFromEnv(env.REDIS_PREFIX),
    metricsToken: metricsTokenFromEnv(env.METRICS_TOKEN),
  };
}

function booleanFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  if (['1', 'true', 'on'].includes(value.trim().toLowerCase())) return true;
  if (['0', 'false', 'off'].includes(value.trim().toLowerCase())) return false;
  throw new Error(`${name} must be 1 or 0, got ${value}`);
}

/** `PUBLIC_URL` without a trailing slash; `allowedHostsFromEnv` already refuses one that is no URL. */
function publicUrlFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const url = new URL(value.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('PUBLIC_URL must be an http(s) URL');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function smtpUrlFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  // The message never repeats the URL: it may carry a password into a log.
  if (!/^smtps?:\/\//.test(value.trim())) throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
  return value.trim();
}

function mailDomain(publicUrl: string | undefined): string {
  try {
    return publicUrl ? new URL(publicUrl).hostname : 'localhost';
  } catch {
    return 'localhost';
  }
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive whole number, got ${value}`);
  return number;
}

function databaseUrlFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  if (!/^postgres(ql)?:\/\//.test(value.trim()))
    throw new Error('DATABASE_URL must be a postgres:// URL (unset: SQLite in DATA_DIR)');
  return value.trim();
}

/** Where the data lives, for the start banner: never the password of a database URL. */
export function describeStorage(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return config.dataDir;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}
