// The deployment files are valid and say what the operations guide promises: docker-compose.yml
// (with and without the TLS override) passes `docker compose config`, images are pinned by
// digest, MongoDB authenticates, metrics stay internal, and logs are kept 200 days.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: unknown[];
  healthcheck?: { test: string[] };
  logging?: { driver: string };
  secrets?: Array<{ source: string }>;
}

/** The compose command on this machine: the v2 plugin, else Debian's docker-compose (v1). */
function composeCommand(): string[] {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(cmd[0]!, [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return cmd;
  }
  throw new Error('neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose)');
}

function composeConfig(files: string[]) {
  const [bin, ...pre] = composeCommand();
  const args = [...pre, ...files.flatMap((f) => ['-f', f]), 'config'];
  // No variable of the caller's environment may change what is checked.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  return spawnSync(bin!, args, { encoding: 'utf8', env });
}

function services(files: string[]) {
  const res = composeConfig(files);
  expect(res.status, res.stderr).to.equal(0);
  return (parse(res.stdout) as { services: Record<string, Service> }).services;
}

const DIGEST = /^[a-z0-9./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/;

describe('ops: the compose file', () => {
  const base = ['docker-compose.yml'];
  const tls = ['docker-compose.yml', 'deploy/compose.tls.yml'];

  it('is refused by the validator when broken (negative control)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wfp-compose-'));
    const broken = path.join(dir, 'docker-compose.yml');
    writeFileSync(
      broken,
      readFileSync('docker-compose.yml', 'utf8').replace('restart: unless-stopped\n', 'restart: [1, 2]\n'),
    );
    expect(composeConfig([broken]).status).to.not.equal(0);
  });

  it('validates, alone and with the TLS override', () => {
    expect(Object.keys(services(base)).sort()).to.deep.equal(['app1', 'app2', 'backup', 'mongo', 'proxy']);
    const withTls = services(tls);
    expect(withTls.mongo!.command).to.include.members(['--tlsMode', 'requireTLS']);
    for (const app of ['app1', 'app2', 'backup']) expect(withTls[app]!.environment!.MONGODB_URI).to.include('tls=true');
  });

  it('pins every pulled image by digest, and the Dockerfile its base image', () => {
    const s = services(base);
    for (const name of ['mongo', 'proxy']) expect(s[name]!.image).to.match(DIGEST);
    expect(s.mongo!.image).to.match(/^mongo:8\./);
    expect(readFileSync('Dockerfile', 'utf8')).to.match(
      /^ARG NODE_IMAGE=node:24\.[\d.]+-bookworm-slim@sha256:[0-9a-f]{64}$/m,
    );
  });

  it('runs MongoDB with users from secrets, a keyfile and a healthcheck that waits for a primary', () => {
    const s = services(base);
    expect(s.mongo!.command).to.include('--keyFile');
    expect(s.mongo!.environment).to.include({ MONGO_INITDB_ROOT_PASSWORD_FILE: '/run/secrets/mongo_root_password' });
    expect(s.mongo!.healthcheck!.test).to.include('/deploy/healthcheck.js');
    expect(readFileSync('deploy/mongo/healthcheck.js', 'utf8')).to.include('hello.primary');
    expect(s.mongo!.ports).to.equal(undefined);
    for (const app of ['app1', 'app2']) {
      expect(s[app]!.environment).to.include({ MONGODB_USERNAME: 'wfp', TRUST_PROXY: '1', METRICS_PORT: '9464' });
      expect(s[app]!.environment!.MONGODB_URI).not.to.include('@'); // no password in the URI
      expect(s[app]!.secrets!.map((x) => x.source)).to.include('mongo_app_password');
    }
  });

  it('publishes only the proxy: metrics and the database stay on the internal network', () => {
    const s = services(base);
    const published = Object.entries(s).filter(([, svc]) => svc.ports?.length);
    expect(published.map(([name]) => name)).to.deep.equal(['proxy']);
    expect(JSON.stringify(s.proxy!.ports)).not.to.include('9464');
  });

  it('backs up every night and logs every service to syslog', () => {
    const s = services(base);
    expect(s.backup!.command).to.deep.equal(['node', 'dist/scripts/ops/backup.js']);
    expect(s.backup!.environment).to.include({ BACKUP_VERIFY: 'true', MONGODB_USERNAME: 'wfp_backup' });
    for (const [name, svc] of Object.entries(s)) expect(svc.logging?.driver, name).to.equal('syslog');
  });

  it('keeps logs at least 180 days, with rsyslog and logrotate configs their tools accept', () => {
    const rotate = readFileSync('deploy/logging/logrotate-wfp', 'utf8');
    expect(rotate).to.match(/^\s*daily$/m);
    expect(Number(/^\s*rotate (\d+)$/m.exec(rotate)?.[1])).to.be.at.least(180);
    const state = path.join(mkdtempSync(path.join(tmpdir(), 'wfp-logrotate-')), 'state');
    const lr = spawnSync('logrotate', ['--debug', '--state', state, 'deploy/logging/logrotate-wfp'], {
      encoding: 'utf8',
    });
    expect(lr.error, 'logrotate is needed (apt-get install logrotate)').to.equal(undefined);
    expect(lr.status, lr.stderr).to.equal(0);
    const rs = spawnSync('rsyslogd', ['-N1', '-f', 'deploy/logging/rsyslog-wfp.conf'], { encoding: 'utf8' });
    expect(rs.error, 'rsyslogd is needed (apt-get install rsyslog)').to.equal(undefined);
    expect(rs.status, rs.stderr).to.equal(0);
  });

  it('keeps secrets and local data out of the image build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['.env', 'secrets', 'backups', '.data', '.git', 'node_modules'])
      expect(ignored).to.include(entry);
  });
});
