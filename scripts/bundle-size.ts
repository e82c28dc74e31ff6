// Gzip size of the citizen face: what its entry loads up front, and everything it can load.
// Run after a build (`npm run build`, or any test run); `npm run bench` prints it too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

const DIST = path.resolve(import.meta.dirname, '..', 'web', 'dist');

function collect(manifest: Record<string, Chunk>, key: string, lazy: boolean, seen = new Set<string>()) {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  const c = manifest[key];
  for (const k of [...(c.imports ?? []), ...(lazy ? (c.dynamicImports ?? []) : [])]) collect(manifest, k, lazy, seen);
  return seen;
}

const gz = (file: string) => gzipSync(readFileSync(path.join(DIST, file))).length;

/**
 * Sizes in bytes (gzip): what the entry loads up front; that plus one page folder's lazy chunks
 * (its component and its messages: what a phone downloads to use that page); and everything.
 */
export function citizenBundleSize(page?: string) {
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.citizen.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const files = (keys: Set<string>) =>
    new Set([...keys].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]));
  const sum = (set: Set<string>) => [...set].reduce((n, f) => n + gz(f), 0);
  const entry = collect(manifest, 'citizen.html', false);
  const pageKeys = page ? Object.keys(manifest).filter((k) => k.includes(`/pages/${page}/`)) : [];
  const withPage = new Set(entry);
  for (const k of pageKeys) collect(manifest, k, false, withPage);
  return {
    entry: sum(files(entry)),
    page: pageKeys.length ? sum(files(withPage)) : null,
    all: sum(files(collect(manifest, 'citizen.html', true))),
  };
}

if (process.argv[1] === import.meta.filename) {
  const s = citizenBundleSize(process.argv[2]);
  const kb = (n: number | null) => (n === null ? '-' : `${(n / 1024).toFixed(1)} KB`);
  console.log(
    `citizen entry ${kb(s.entry)}, with pages/${process.argv[2] ?? '-'} ${kb(s.page)}, all pages ${kb(s.all)} (gzip, JS+CSS)`,
  );
}
