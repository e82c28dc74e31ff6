// How to run the mongo-java-server stand-in (standin/MongoStandIn.java): its jars come from Maven on first
// use, and the launcher is compiled once into a cache keyed by the source's hash. Java's
// single-file source launch would recompile it at every start (seconds on a busy machine).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(import.meta.dirname, 'standin');
const LIB = path.join(DIR, 'lib');
const SOURCE = path.join(DIR, 'MongoStandIn.java');
/** Machine-local caches of this checkout (compiled classes, engines that failed). */
export const CACHE_DIR = path.resolve(DIR, '..', '..', 'node_modules', '.cache', 'wfp');

export type Durability = 'sync' | 'delayed';

export interface StandInOptions {
  port?: number;
  /** The H2 file that keeps the data; in memory without it. */
  file?: string;
  /** sync (default): every write is on disk before its answer; delayed: H2's 1 s write-behind. */
  durability?: Durability;
}

/** Fetches the stand-in's jars with Maven unless they are already there. */
export function ensureStandInJars(log: (m: string) => void = console.log) {
  if (existsSync(path.join(LIB, 'mongo-java-server-1.47.0.jar'))) return;
  log('fetching mongo-java-server jars with Maven (first run only)...');
  execFileSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib'], {
    cwd: DIR,
    stdio: 'inherit',
  });
}

/** The directory holding MongoStandIn.class for the current source and jars, compiling if needed. */
export function compiledStandIn(log: (m: string) => void): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE));
  for (const jar of readdirSync(LIB).sort()) hash.update(`\0${jar}`);
  const classes = path.join(CACHE_DIR, `standin-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(path.join(classes, 'MongoStandIn.class'))) return classes;
  log('compiling the stand-in launcher (once per change of its source)...');
  mkdirSync(CACHE_DIR, { recursive: true });
  // Compiled aside and renamed into place, so a concurrent start never sees half a directory.
  const scratch = mkdtempSync(path.join(CACHE_DIR, 'javac-'));
  try {
    execFileSync('javac', ['-nowarn', '-d', scratch, '-cp', path.join(LIB, '*'), SOURCE], { stdio: 'inherit' });
    renameSync(scratch, classes);
  } catch (err) {
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(classes, 'MongoStandIn.class'))) throw err; // another start won the race
  }
  return classes;
}

/** The `java` command line for the stand-in. */
export function standInArgs(classes: string, opts: StandInOptions): string[] {
  const args = [
    '-Xss4m',
    // Its warnings are mostly "index type not implemented, ignoring". The two wire handlers log
    // every error already returned to the client (duplicate keys, closed sockets): silenced.
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=error',
    '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler=off',
    '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler=off',
    '-cp',
    `${path.join(LIB, '*')}${path.delimiter}${classes}`,
    'MongoStandIn',
    '--port',
    String(opts.port ?? 0),
  ];
  if (opts.file) args.push('--file', opts.file, '--durability', opts.durability ?? 'sync');
  return args;
}
