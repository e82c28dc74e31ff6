import { trusted } from 'mongoose';
import { ensureIndexes } from './db.js';
import { restrictStoredPhotos } from './domains/complaints/complaint-photos.js';
import { WindowModel } from './domains/windows/window.model.js';

// Idempotent data upgrades, run with the index build before the server starts (`npm run
// db:migrate`; the Docker image does it on every start). Each step is safe to run again.
const steps: Array<[string, () => Promise<unknown>]> = [
  // Windows created before QR signatures carried a version: every existing code stays valid.
  [
    'windows.qrVersion',
    () => WindowModel.updateMany({ qrVersion: trusted({ $exists: false }) }, { $set: { qrVersion: 1 } }),
  ],
  // Complaint photos: not for inspectors, nor for a liaison before the complaint is assigned to it.
  ['files.complaintPhotoReaders', restrictStoredPhotos],
];

export async function migrate(log: (m: string) => void = () => {}) {
  await ensureIndexes();
  for (const [name, step] of steps) {
    await step();
    log(`migration ${name}: done`);
  }
}
