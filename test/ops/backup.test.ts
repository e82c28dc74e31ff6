// The backup service's decisions and its count check, against the local database. mongodump and
// mongorestore themselves are not installable here (see docs/operations.md): the restore these
// tests check is written by the test, as mongorestore would write it.
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { archiveName, nextRun, parseDumpLog, pruneArchives } from '../../scripts/ops/backup-lib.js';
import { checkRestoredCounts } from '../../scripts/ops/backup-tools.js';

// mongodump 100.x's log, as it writes it to stderr (tab after the timestamp).
const DUMP_LOG = [
  "2026-11-26T02:30:00.101+0800\twriting wfp.ratings to archive '/backups/x.part'",
  '2026-11-26T02:30:00.412+0800\tdone dumping wfp.ratings (12345 documents)',
  '2026-11-26T02:30:00.420+0800\tdone dumping wfp.fs.files (1 document)',
  '2026-11-26T02:30:00.421+0800\tdone dumping wfp.settings (0 documents)',
  '2026-11-26T02:30:00.422+0800\tdone dumping other.things (9 documents)',
].join('\n');

describe('ops: backups', () => {
  it('runs at BACKUP_AT Beijing time, the next one strictly after now', () => {
    // 02:30 in Beijing is 18:30 UTC the day before.
    expect(nextRun(new Date('2026-11-26T10:00:00Z'), '02:30').toISOString()).to.equal('2026-11-26T18:30:00.000Z');
    expect(nextRun(new Date('2026-11-26T18:29:59Z'), '02:30').toISOString()).to.equal('2026-11-26T18:30:00.000Z');
    expect(nextRun(new Date('2026-11-26T18:30:00Z'), '02:30').toISOString()).to.equal('2026-11-27T18:30:00.000Z');
    expect(() => nextRun(new Date(), '2:30am')).to.throw(/BACKUP_AT/);
  });

  it('names archives by Beijing time and reads the document counts from mongodump’s log', () => {
    expect(archiveName('wfp', new Date('2026-11-26T18:30:00Z'))).to.equal('wfp-2026-11-27T0230.archive.gz');
    expect(parseDumpLog(DUMP_LOG, 'wfp')).to.deep.equal({ ratings: 12345, 'fs.files': 1, settings: 0 });
  });

  it('deletes archives past the retention and keeps the rest and anything else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wfp-backups-'));
    const now = new Date('2026-11-27T00:00:00Z');
    const files = {
      'wfp-2026-10-01T0230.archive.gz': 57,
      'wfp-2026-10-01T0230.archive.gz.counts.json': 57,
      'wfp-2026-10-27T0230.archive.gz': 31,
      'wfp-2026-11-20T0230.archive.gz': 7,
      'notes.txt': 400,
    };
    for (const [name, daysOld] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), 'x');
      const t = new Date(now.getTime() - daysOld * 86_400_000);
      utimesSync(path.join(dir, name), t, t);
    }
    expect(pruneArchives(dir, 'wfp', 30, now)).to.deep.equal([
      'wfp-2026-10-01T0230.archive.gz',
      'wfp-2026-10-27T0230.archive.gz',
    ]);
    expect(readdirSync(dir).sort()).to.deep.equal(['notes.txt', 'wfp-2026-11-20T0230.archive.gz']);
  });

  describe('count check of a restore', () => {
    let conn: mongoose.Connection;
    const scratch = `test_restore_${randomBytes(4).toString('hex')}`;
    before(async () => {
      conn = await mongoose.createConnection(process.env.TEST_MONGODB_URI!).asPromise();
      const db = conn.useDb(scratch).db!;
      await db.collection('ratings').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await db.collection('fs.files').insertOne({ name: 'photo' });
    });
    after(async () => {
      await conn.useDb(scratch).dropDatabase();
      await conn.close();
    });

    it('passes when every collection has exactly the dumped documents', async () => {
      expect(await checkRestoredCounts(conn, scratch, { ratings: 3, 'fs.files': 1 })).to.deep.equal([]);
    });

    it('names each collection that is short, missing or unexpected', async () => {
      const problems = await checkRestoredCounts(conn, scratch, { ratings: 4, complaints: 2 });
      expect(problems).to.deep.equal([
        'ratings: 3 restored, 4 dumped',
        'complaints: missing after restore (dumped 2)',
        'fs.files: restored but not in the manifest',
      ]);
    });

    it('fails a manifest that lists nothing (an empty dump is no backup)', async () => {
      expect(await checkRestoredCounts(conn, scratch, {})).to.include('the manifest lists no collection');
    });
  });
});
