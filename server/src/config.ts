import { createHmac } from 'node:crypto';
import { z } from 'zod';

// Every setting comes from the environment and is checked once at start, so a typo in a
// deployment fails loudly with the variable's name instead of misbehaving later.

const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0000';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolFromEnv.default(false),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'like 100kb or 1mb')
    .default('100kb'),
  SERVE_WEB: boolFromEnv.default(true),
  // "kid:secret,kid:secret": the first signs new QR codes, all verify (rotate by prepending).
  QR_KEYS: z
    .string()
    .regex(/^[a-z0-9]{1,8}:[^,:]{16,}(,[a-z0-9]{1,8}:[^,:]{16,})*$/, 'like "k2:<16+ chars>,k1:<16+ chars>"')
    .optional(),
});

/** Checked on the raw environment so they are reported together with any other problem. */
function productionProblems(env: NodeJS.ProcessEnv) {
  if (env.NODE_ENV !== 'production') return [];
  return ['SESSION_SECRET', 'PUBLIC_BASE_URL'].filter((k) => !env[k]).map((k) => `${k}: is required in production`);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env) {
  // An empty variable (`QR_KEYS=` in a compose file) means "not set", not "set to nothing".
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`) ?? []),
    ...productionProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    publicBaseUrl,
    // Keyed hashes (IP addresses, cookies) need a stable secret; development gets a fixed one.
    secret: e.SESSION_SECRET ?? DEV_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    secureCookies: publicBaseUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT,
    serveWeb: e.SERVE_WEB,
    qrKeys: parseQrKeys(e.QR_KEYS, e.SESSION_SECRET ?? DEV_SECRET),
  };
}

export type Config = ReturnType<typeof loadConfig>;

/** QR signing keys, newest first; without QR_KEYS one key is derived from the session secret. */
function parseQrKeys(value: string | undefined, secret: string) {
  if (!value) return [{ kid: 'k1', secret: createHmac('sha256', secret).update('qr-signing').digest('base64url') }];
  return value.split(',').map((pair) => {
    const [kid, key] = pair.split(':') as [string, string];
    return { kid, secret: key };
  });
}
