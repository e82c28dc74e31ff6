// The backup service (docker-compose.yml `backup`): every day at BACKUP_AT (Beijing time) it dumps
// the database with mongodump, restores the dump into a scratch database and checks the counts
// (BACKUP_VERIFY), then deletes archives older than BACKUP_KEEP_DAYS. `--now` runs once and exits.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { mongodbUriFromEnv } from '../../server/src/config.js';
import { archiveName, nextRun, pruneArchives } from './backup-lib.js';
import { dumpDatabase, restoreCheck } from './backup-tools.js';

const settings = {
  uri: mongodbUriFromEnv(),
  db: process.env.BACKUP_DB || 'wfp',
  dir: process.env.BACKUP_DIR || '/backups',
  at: process.env.BACKUP_AT || '02:30',
  keepDays: Number(process.env.BACKUP_KEEP_DAYS || 30),
  verify: process.env.BACKUP_VERIFY !== 'false',
};
if (!Number.isInteger(settings.keepDays) || settings.keepDays < 1)
  throw new Error('BACKUP_KEEP_DAYS: a whole number of days, 1 or more');
nextRun(new Date(), settings.at); // checks BACKUP_AT before the first night

const log = (msg: string, extra: object = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), msg, ...extra }));

async function backupOnce() {
  mkdirSync(settings.dir, { recursive: true });
  const archive = path.join(settings.dir, archiveName(settings.db, new Date()));
  const manifest = await dumpDatabase(settings.uri, settings.db, archive);
  log('backup written', { archive, collections: Object.keys(manifest.counts).length });
  if (settings.verify) {
    const { problems, scratch } = await restoreCheck(settings.uri, archive);
    if (problems.length) throw new Error(`restore check of ${archive} failed: ${problems.join('; ')}`);
    log('restore check passed', { archive, scratch });
  }
  const removed = pruneArchives(settings.dir, settings.db, settings.keepDays);
  if (removed.length) log('old backups deleted', { removed, keepDays: settings.keepDays });
}

if (process.argv.includes('--now')) {
  await backupOnce();
} else {
  for (;;) {
    const at = nextRun(new Date(), settings.at);
    log('next backup', { at: at.toISOString() });
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now()));
    // A failed night is logged loudly and retried the next night; the service keeps running.
    await backupOnce().catch((err: unknown) => log('BACKUP FAILED', { error: String(err) }));
  }
}
