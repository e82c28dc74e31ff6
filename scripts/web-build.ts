// Builds the web (both entries) unless both of web/dist's pages are newer than every source
// file (web/ and the common/ module it shares with the server).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(import.meta.dirname, '..', 'web');
const COMMON = path.resolve(import.meta.dirname, '..', 'common');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

export function webIsStale() {
  // Both faces: building one alone (`vite build --mode admin`) empties web/dist of the other.
  const built = ['admin.html', 'citizen.html'].map((f) => path.join(WEB, 'dist', f));
  if (!built.every((f) => existsSync(f))) return true;
  return Math.min(...built.map((f) => statSync(f).mtimeMs)) < Math.max(newest(WEB), newest(COMMON));
}

export async function buildWebIfStale(log: (m: string) => void = console.log) {
  if (!webIsStale()) return;
  log('building the web (vite)...');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the whole process; the caller's setting must survive it.
  const nodeEnv = process.env.NODE_ENV;
  try {
    // One build per face (see web/vite.config.ts); the admin's clears web/dist first.
    for (const mode of ['admin', 'citizen']) {
      await build({ configFile: path.join(WEB, 'vite.config.ts'), mode, logLevel: 'warn' });
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
