// Runs Debian's nginx with the shipped deploy/nginx.conf in front of test servers. Only the
// upstream addresses and the listen port are substituted; everything else is the file as shipped.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Nginx {
  url: string;
  close(): Promise<void>;
}

async function freePort() {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** The shipped site config with the app instances replaced by `upstreams` and a local port. */
export function siteConfig(upstreams: string[], port: number) {
  const shipped = readFileSync('deploy/nginx.conf', 'utf8');
  const servers = shipped.match(/^\s*server app\d+:3000\b.*$/gm) ?? [];
  const listens = shipped.match(/^\s*listen 80;$/gm) ?? [];
  if (servers.length !== upstreams.length || listens.length !== 1) {
    throw new Error(`deploy/nginx.conf changed shape: ${servers.length} app servers, ${listens.length} listen lines`);
  }
  let i = 0;
  return shipped
    .replace(/server app\d+:3000/g, () => `server ${upstreams[i++]}`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
}

/** What nginx's own main config (/etc/nginx/nginx.conf in the image) provides around the site. */
function mainConfig(dir: string) {
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`;
}

async function accepting(port: number, deadline: number): Promise<void> {
  const ok = await new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1', () => resolve(true));
    s.on('error', () => resolve(false));
    s.on('connect', () => s.destroy());
  });
  if (ok) return;
  if (Date.now() > deadline) throw new Error('nginx did not start listening');
  await new Promise((r) => setTimeout(r, 50));
  return accepting(port, deadline);
}

export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wfp-nginx-'));
  chmodSync(dir, 0o755); // nginx's workers (nobody, when run as root) write the temp paths
  const port = await freePort();
  writeFileSync(path.join(dir, 'site.conf'), siteConfig(upstreams, port));
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir));
  const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];
  const check = spawnSync('nginx', [...args, '-t'], { encoding: 'utf8' });
  if (check.error) throw new Error(`nginx is needed (apt-get install nginx): ${check.error.message}`);
  if (check.status !== 0) throw new Error(`nginx refused the shipped config:\n${check.stderr}`);
  const child = spawn('nginx', args, { stdio: 'ignore' });
  // A freshly started nginx has no "ready" signal; its port accepting connections is the event.
  await accepting(port, Date.now() + 10_000);
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
