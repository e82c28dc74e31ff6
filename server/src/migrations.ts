import mongoose, { trusted, type Types } from 'mongoose';
import { ensureIndexes } from './db.js';
import { TRACKING_PREFIXES } from '../../common/ids.js';
import { newTrackingCode } from './domains/complaints/complaint.codes.js';
import { restrictStoredPhotos } from './domains/complaints/complaint-photos.js';
import { FollowUpModel } from './domains/follow-ups/follow-up.model.js';
import { RatingModel, RatingTicketModel, TicketUseModel } from './domains/ratings/rating.model.js';
import { ratingSettings } from './domains/ratings/rating.settings.js';
import { WindowModel } from './domains/windows/window.model.js';

// Upgrades an index needs before it can be built: follow-ups opened before they had tracking
// codes get one each (the unique index refuses two without).
const beforeIndexes: Array<[string, () => Promise<unknown>]> = [['follow_ups.trackingCode', giveTrackingCodes]];

async function giveTrackingCodes() {
  const missing = FollowUpModel.collection.find<{ _id: Types.ObjectId }>(
    { trackingCode: trusted({ $exists: false }) },
    { projection: { _id: 1 } },
  );
  for await (const f of missing) {
    await FollowUpModel.collection.updateOne(
      { _id: f._id, trackingCode: trusted({ $exists: false }) },
      { $set: { trackingCode: newTrackingCode(TRACKING_PREFIXES.ratingFix) } },
    );
  }
}

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
  // Tickets spent before their use became a document of its own (rating_ticket_uses) stay spent.
  ['rating_tickets.usedBy', moveTicketUses],
  // Ratings from before the national data shape (GB/T 39046) all came from the window's QR code.
  ['ratings.nationalShape', nationalShape],
];

async function nationalShape() {
  const { regionCode } = await ratingSettings.get();
  await RatingModel.updateMany(
    { channel: trusted({ $exists: false }) },
    { $set: { channel: 'QR', ratingSeq: 1, regionCode, servedCase: null, serviceItem: null } },
  );
}

async function moveTicketUses() {
  const spent = RatingTicketModel.collection.find<{ _id: string; usedBy: string; expiresAt: Date }>({
    usedBy: trusted({ $type: 'string' }),
  });
  for await (const t of spent) {
    await TicketUseModel.updateOne(
      { _id: t._id },
      { $setOnInsert: { clientKey: t.usedBy, expiresAt: t.expiresAt } },
      { upsert: true },
    );
    // The schema no longer names the fields, hence strict: false.
    await RatingTicketModel.updateOne({ _id: t._id }, { $unset: { usedBy: '', usedAt: '' } }, { strict: false });
  }
}

// Steps done on this database, by name: each data step scans its whole collection (a few
// seconds of every start on the local engine), and once done on a database that one instance
// owns (`npm start`), there is nothing left to find: the code that writes the old shapes is
// gone. Not so in a rolling upgrade (docs/operations.md), where older instances keep writing the
// old shapes until they are replaced: production's `db:migrate` runs every step each time, so the
// last instance to start catches them. Index builds run every time (cheap, and a new index must
// appear).
const done = () => mongoose.connection.db!.collection<{ _id: string; at: Date }>('migrations');

/** Forgets that a step ran (for a test that puts an old document back). */
export async function forgetMigration(name: string) {
  await done().deleteOne({ _id: name });
}

async function runSteps(list: Array<[string, () => Promise<unknown>]>, ran: Set<string>, log: (m: string) => void) {
  for (const [name, step] of list) {
    if (ran.has(name)) continue;
    await step();
    await done().updateOne({ _id: name }, { $set: { at: new Date() } }, { upsert: true });
    log(`migration ${name}: done`);
  }
}

/** `everyStep`: run the data steps marked done too (production, where versions overlap). */
export async function migrate(log: (m: string) => void = () => {}, { everyStep = false } = {}) {
  // One read of the marks for every step (a handful of tiny documents).
  const marks = everyStep
    ? []
    : await done()
        .find({}, { projection: { _id: 1 } })
        .toArray();
  const ran = new Set(marks.map((m) => m._id));
  await runSteps(beforeIndexes, ran, log);
  await ensureIndexes();
  await runSteps(steps, ran, log);
}
