// `node dist/scripts/ops/restore-check.js <archive> [scratch-db]`: restores a backup archive into a
// scratch database (never the live one), checks that every collection has exactly the documents
// mongodump wrote, and drops the scratch copy. Exit code 0 only when all counts match.
import { mongodbUriFromEnv } from '../../server/src/config.js';
import { restoreCheck } from './backup-tools.js';

const [archive, scratch] = process.argv.slice(2);
if (!archive) {
  console.error('usage: restore-check <archive.gz> [scratch database]');
  process.exit(2);
}
const result = await restoreCheck(mongodbUriFromEnv(), archive, scratch);
for (const [name, n] of Object.entries(result.manifest.counts)) console.log(`  ${name.padEnd(32)} ${n}`);
if (result.problems.length) {
  console.error(`restore check FAILED (${result.scratch}):\n  ${result.problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `restore check passed: ${Object.keys(result.manifest.counts).length} collections restored into ${result.scratch} with matching counts`,
);
