// The deployment settings: proxy trust, HTTP limits, metrics and secrets read from files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig, mongodbUriFromEnv } from '../../server/src/config.js';

const BASE = { MONGODB_URI: 'mongodb://mongo:27017/wfp?replicaSet=rs0' };

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig({ ...BASE, ...env });
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems.join('\n');
  }
  return expect.fail(`accepted ${JSON.stringify(env)}`);
}

describe('ops: configuration', () => {
  describe('TRUST_PROXY', () => {
    it('refuses true, which would trust a client-written X-Forwarded-For', () => {
      expect(problemsOf({ TRUST_PROXY: 'true' })).to.match(/TRUST_PROXY: true would trust any client-written/);
    });

    it('takes a hop count, defaulting to none', () => {
      expect(loadConfig(BASE).trustProxy).to.equal(0);
      expect(loadConfig({ ...BASE, TRUST_PROXY: '1' }).trustProxy).to.equal(1);
      expect(loadConfig({ ...BASE, TRUST_PROXY: 'false' }).trustProxy).to.equal(0);
    });

    it('takes a list of proxy addresses, ranges and named ranges', () => {
      const c = loadConfig({ ...BASE, TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,fd00::/8,loopback' });
      expect(c.trustProxy).to.deep.equal(['10.0.0.5', '172.16.0.0/12', 'fd00::/8', 'loopback']);
    });

    it('names the entries that are not addresses', () => {
      const text = problemsOf({ TRUST_PROXY: '10.0.0.5,nginx,10.0.0.0/33,yes' });
      expect(text).to.include('TRUST_PROXY').and.include('nginx, 10.0.0.0/33, yes');
      expect(text).not.to.include('10.0.0.5,');
    });
  });

  it('has HTTP limits for slow clients, each a setting', () => {
    expect(loadConfig(BASE).http).to.deep.equal({
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 120_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 4096,
    });
    const c = loadConfig({ ...BASE, HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_MAX_CONNECTIONS: '100' });
    expect(c.http).to.include({ headersTimeoutMs: 5000, maxConnections: 100 });
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '0' })).to.include('HTTP_REQUEST_TIMEOUT_MS');
  });

  it('serves no metrics unless METRICS_PORT is set, and checks METRICS_ALLOW', () => {
    expect(loadConfig(BASE).metrics.port).to.equal(undefined);
    const c = loadConfig({ ...BASE, METRICS_PORT: '9464', METRICS_ALLOW: '10.1.2.3, 192.168.0.0/16' });
    expect(c.metrics).to.deep.equal({ port: 9464, host: '0.0.0.0', allow: ['10.1.2.3', '192.168.0.0/16'] });
    expect(problemsOf({ METRICS_ALLOW: 'prometheus' })).to.include('METRICS_ALLOW');
  });

  describe('secrets from files (Docker secrets)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wfp-secrets-'));
    const file = (name: string, content: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };

    it('reads SESSION_SECRET_FILE and QR_KEYS_FILE, without the trailing newline', () => {
      const c = loadConfig({
        ...BASE,
        SESSION_SECRET_FILE: file('session', `${'s'.repeat(40)}\n`),
        QR_KEYS_FILE: file('qr', `k2:${'q'.repeat(20)}\n`),
      });
      expect(c.secret).to.equal('s'.repeat(40));
      expect(c.qrKeys).to.deep.equal([{ kid: 'k2', secret: 'q'.repeat(20) }]);
    });

    it('puts MONGODB_USERNAME and the password file into the URI, percent-encoded', () => {
      const env = { ...BASE, MONGODB_USERNAME: 'wfp', MONGODB_PASSWORD_FILE: file('mongo', 'p@ss:w/rd%\n') };
      const expected = 'mongodb://wfp:p%40ss%3Aw%2Frd%25@mongo:27017/wfp?replicaSet=rs0';
      expect(loadConfig(env).mongodbUri).to.equal(expected);
      // Migrations, seed and backup get the same URI without the rest of the server's settings.
      expect(mongodbUriFromEnv(env)).to.equal(expected);
    });

    it('refuses a missing file, a value set twice, and a URI that already names a user', () => {
      expect(problemsOf({ SESSION_SECRET_FILE: path.join(dir, 'absent') })).to.match(
        /SESSION_SECRET_FILE: cannot read .*ENOENT/,
      );
      expect(
        problemsOf({ SESSION_SECRET: 'x'.repeat(32), SESSION_SECRET_FILE: file('s2', 'y'.repeat(32)) }),
      ).to.include('set only one');
      expect(() =>
        loadConfig({ MONGODB_URI: 'mongodb://a:b@mongo/wfp', MONGODB_USERNAME: 'wfp', MONGODB_PASSWORD: 'x' }),
      ).to.throw(ConfigError, /already names a user/);
    });
  });
});
