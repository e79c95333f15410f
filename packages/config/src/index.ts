import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is declared here with its default
 * and meaning; the api and the worker call loadConfig() once at start-up and pass the typed
 * result around. A missing or malformed variable stops the process with a message naming it.
 */
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/cakap'),
  /** Pool size per process; keep api replicas × pool under Postgres' max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key; tests give each run its own. A hash tag keeps Redis Cluster happy. */
  QUEUE_PREFIX: z.string().min(1).default('cakap'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: z.url().default('http://localhost:5173'),
  CAKAP_DATA_DIR: z.string().min(1).default('./data'),
  /** Plugin packages to enable, comma separated (see docs/plugins.md). */
  CAKAP_PLUGINS: csv.default(['@cakap/plugin-content', '@cakap/plugin-questions', '@cakap/plugin-certificates', '@cakap/plugin-mail']),
  /**
   * The SMTP server of the e-mail channel (`smtp://user:pass@host:587`, `smtps://…:465`).
   * Unset: no e-mail is sent (in-app notifications only). It may hold a password: never printed.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of notification e-mails. */
  MAIL_FROM: z.string().min(3).default('Cakap <no-reply@localhost>'),
  /** Signs access tokens. At least 32 characters; in production it must be set explicitly. */
  JWT_SECRET: z.string().min(32).optional(),
  /** Encrypts the certificate signing keys at rest. At least 32 characters; required in production. */
  CAKAP_KEY_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Origins allowed by CORS, comma separated. Empty: same origin only. */
  CORS_ORIGINS: csv.default([]),
  /** Invariant 7: strictly per NIP … */
  LOGIN_NIP_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_NIP_LOCK_SEC: z.coerce.number().int().min(1).default(900),
  /** … and loosely per IP address, since a whole OPD office shares one public address. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(200),
  LOGIN_IP_WINDOW_SEC: z.coerce.number().int().min(1).default(900),
  /** Trust X-Forwarded-For from this many proxies (the load balancer). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  /** Run the api's OpenAPI document and UI. */
  API_DOCS: bool.default(true),
  /** Rows a users import may have. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(50_000),
  /** Upload limits per kind of file, in bytes (images 5 MB, documents 50 MB, videos 500 MB). */
  FILE_MAX_IMAGE_BYTES: z.coerce.number().int().min(1).default(5 * 1024 * 1024),
  FILE_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1).default(50 * 1024 * 1024),
  FILE_MAX_VIDEO_BYTES: z.coerce.number().int().min(1).default(500 * 1024 * 1024),
  /** How long a signed file URL stays valid (seconds). */
  FILE_URL_TTL_SEC: z.coerce.number().int().min(60).max(7 * 86_400).default(3600),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Certificates issued per transaction by the worker (one numbering lock, one multi-row insert). */
  CERTIFICATE_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** How long a report request waits for the worker before answering 202 (or a stale copy), in ms. */
  REPORT_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(8000),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig extends Omit<Env, 'JWT_SECRET' | 'CAKAP_KEY_SECRET'> {
  JWT_SECRET: string;
  CAKAP_KEY_SECRET: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A fixed development secret, refused in production so that no real deployment can use it. */
const DEV_JWT_SECRET = 'cakap-development-only-secret-do-not-use-in-production';
const DEV_KEY_SECRET = 'cakap-development-only-key-secret-do-not-use-in-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "not set" (a blank line in an .env file should not break start-up).
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        const value = raw[name];
        return `${name}: ${i.message}${value !== undefined && !/SECRET|PASSWORD|SMTP_URL/.test(name) ? ` (got "${value}")` : ''}`;
      }),
    );
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    const missing = (['JWT_SECRET', 'CAKAP_KEY_SECRET'] as const).filter((name) => !cfg[name]);
    if (missing.length) throw new ConfigError(missing.map((name) => `${name}: required in production (at least 32 random characters)`));
  }
  return { ...cfg, JWT_SECRET: cfg.JWT_SECRET ?? DEV_JWT_SECRET, CAKAP_KEY_SECRET: cfg.CAKAP_KEY_SECRET ?? DEV_KEY_SECRET };
}

/** Runs loadConfig() and on failure prints the problems and exits, for main.ts files. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
}
