import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

// Every setting comes from the environment and is checked once at start, so a typo in a
// deployment fails loudly with the variable's name instead of misbehaving later.

const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0000';

/**
 * Express `trust proxy`: a hop count, or the addresses (CIDR, or Express's names `loopback`,
 * `linklocal`, `uniquelocal`) of the proxies in front. Never `true`: that takes the left-most
 * X-Forwarded-For entry, which any client writes itself.
 */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip = '', prefix, extra] = entry.split('/');
  const family = isIP(ip);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};
const trustProxy = z.string().transform((v, ctx): number | string[] => {
  if (v === 'false') return 0;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (v === 'true' || bad.length) {
    ctx.addIssue({
      code: 'custom',
      message:
        v === 'true'
          ? 'true would trust any client-written X-Forwarded-For; give the number of proxies in front (1 behind the shipped nginx) or their addresses'
          : `not a hop count or a list of proxy addresses (bad: ${bad.join(', ')})`,
    });
    return z.NEVER;
  }
  return entries;
});

/** scheme://host[:port] and nothing more, as browsers send it in the Origin header. */
const isOrigin = (v: string) => {
  try {
    const u = new URL(v);
    return /^https?:$/.test(u.protocol) && u.origin === v;
  } catch {
    return false;
  }
};

const mongodbUri = z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://');

const ms = (max: number) => z.coerce.number().int().min(1).max(max);

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: mongodbUri,
  // Credentials kept out of the URI (MONGODB_PASSWORD_FILE: a Docker secret); added to it here.
  MONGODB_USERNAME: z.string().min(1).optional(),
  MONGODB_PASSWORD: z.string().min(1).optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  // A resolved staff session is reused this long unless a session ended or an account changed
  // meanwhile, on any instance (domains/accounts/session-cache.ts); 0 turns the cache off.
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  // Password guesses (OWASP): free attempts per account and address, per account from unknown
  // devices, per address over all accounts; then delays doubling from a minute, per window.
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default(0),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'like 100kb or 1mb')
    .default('100kb'),
  SERVE_WEB: boolFromEnv.default(true),
  // Slow clients are cut off: whole headers within HEADERS, the whole request (a photo upload on a
  // slow phone) within REQUEST. KEEPALIVE stays above nginx's upstream keepalive_timeout (60 s) so
  // the app never closes a connection nginx is about to reuse.
  HTTP_HEADERS_TIMEOUT_MS: ms(600_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: ms(3_600_000).default(120_000),
  HTTP_KEEPALIVE_TIMEOUT_MS: ms(600_000).default(65_000),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(4096),
  // Prometheus metrics on a port of their own (unset: none), answered only to METRICS_ALLOW.
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('0.0.0.0'),
  METRICS_ALLOW: z
    .string()
    .refine(
      (v) => v.split(',').every((e) => isProxyAddress(e.trim()) && !PROXY_NAMES.has(e.trim())),
      'a list of addresses or CIDR ranges',
    )
    .default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7'),
  // Origins whose pages may call the API with the staff's cookies (CORS); unset: none but our own.
  CORS_ORIGINS: z
    .string()
    .refine((v) => v.split(',').every((o) => isOrigin(o.trim())), 'a list of origins like https://hall.example.cn')
    .optional(),
  // "kid:secret,kid:secret": the first signs new QR codes, all verify (rotate by prepending).
  QR_KEYS: z
    .string()
    .regex(/^[a-z0-9]{1,8}:[^,:]{16,}(,[a-z0-9]{1,8}:[^,:]{16,})*$/, 'like "k2:<16+ chars>,k1:<16+ chars>"')
    .optional(),
});

/** Secrets may come from files (Docker secrets): `X_FILE` names a file that holds X. */
const FILE_VARS = ['SESSION_SECRET', 'QR_KEYS', 'MONGODB_PASSWORD'];

function readFileVars(env: NodeJS.ProcessEnv) {
  const out = { ...env };
  const problems: string[] = [];
  for (const name of FILE_VARS) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) problems.push(`${name}_FILE: ${name} is set as well; set only one`);
    else {
      try {
        out[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch (err) {
        problems.push(`${name}_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
  }
  return { env: out, problems };
}

/** Puts the user and password into a URI that has none (percent-encoded, so any password works). */
function withCredentials(uri: string, user: string | undefined, password: string | undefined) {
  if (!user) return uri;
  const [scheme, rest] = uri.split('://') as [string, string];
  const authority = rest.split('/')[0] ?? '';
  if (authority.includes('@')) throw new ConfigError(['MONGODB_USERNAME: MONGODB_URI already names a user']);
  const secret = password === undefined ? '' : `:${encodeURIComponent(password)}`;
  return `${scheme}://${encodeURIComponent(user)}${secret}@${rest}`;
}

/**
 * The connection string with credentials, for scripts that need only the database (migrations,
 * seed, backup): the same rules as the server's.
 */
export function mongodbUriFromEnv(rawEnv: NodeJS.ProcessEnv = process.env) {
  const { env, problems } = readFileVars(nonEmpty(rawEnv));
  const uri = mongodbUri.safeParse(env.MONGODB_URI);
  if (!uri.success) problems.push(`MONGODB_URI: ${uri.error.issues[0]?.message ?? 'invalid'}`);
  if (problems.length || !uri.success) throw new ConfigError(problems);
  return withCredentials(uri.data, env.MONGODB_USERNAME, env.MONGODB_PASSWORD);
}

// An empty variable (`QR_KEYS=` in a compose file) means "not set", not "set to nothing".
const nonEmpty = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));

/** Secrets no production may use: the development value printed above, or one barely random. */
function weakSecret(value: string | undefined) {
  if (!value) return null;
  if (value.includes(DEV_SECRET)) return '这是源代码中公开的开发密钥，生产环境不能使用';
  if (new Set(value).size < 12) return '字符种类太少，不像随机生成的密钥';
  return null;
}

/** Checked on the raw environment so they are reported together with any other problem. */
function productionProblems(env: NodeJS.ProcessEnv) {
  if (env.NODE_ENV !== 'production') return [];
  const missing = ['SESSION_SECRET', 'PUBLIC_BASE_URL'].filter((k) => !env[k]);
  const weak = (['SESSION_SECRET', 'QR_KEYS'] as const).flatMap((k) => {
    const why = weakSecret(env[k]);
    return why ? [`${k} [CONFIG_WEAK_SECRET]: ${why}；请用 deploy/make-secrets.sh 生成新的密钥`] : [];
  });
  return [...missing.map((k) => `${k}: is required in production`), ...weak];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env) {
  const { env, problems: fileProblems } = readFileVars(nonEmpty(rawEnv));
  const parsed = schema.safeParse(env);
  const problems = [
    ...fileProblems,
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
    mongodbUri: withCredentials(e.MONGODB_URI, e.MONGODB_USERNAME, e.MONGODB_PASSWORD),
    publicBaseUrl,
    // Keyed hashes (IP addresses, cookies) need a stable secret; development gets a fixed one.
    secret: e.SESSION_SECRET ?? DEV_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    sessionCacheMs: e.SESSION_CACHE_SECONDS * 1000,
    login: loginRules(e),
    secureCookies: publicBaseUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT,
    serveWeb: e.SERVE_WEB,
    corsOrigins: e.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [],
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEPALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    metrics: {
      port: e.METRICS_PORT,
      host: e.METRICS_HOST,
      allow: e.METRICS_ALLOW.split(',').map((a) => a.trim()),
    },
    qrKeys: parseQrKeys(e.QR_KEYS, e.SESSION_SECRET ?? DEV_SECRET),
  };
}

export type Config = ReturnType<typeof loadConfig>;

function loginRules(e: z.output<typeof schema>) {
  const rule = (free: number) => ({ free, windowMs: e.LOGIN_WINDOW_MINUTES * 60_000 });
  return {
    accountAddress: rule(e.LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS),
    account: rule(e.LOGIN_ATTEMPTS_PER_ACCOUNT),
    address: rule(e.LOGIN_ATTEMPTS_PER_ADDRESS),
  };
}

/** QR signing keys, newest first; without QR_KEYS one key is derived from the session secret. */
function parseQrKeys(value: string | undefined, secret: string) {
  if (!value) return [{ kid: 'k1', secret: createHmac('sha256', secret).update('qr-signing').digest('base64url') }];
  return value.split(',').map((pair) => {
    const [kid, key] = pair.split(':') as [string, string];
    return { kid, secret: key };
  });
}
