import mongoose, { trusted, type Model } from 'mongoose';
import { ComplaintModel } from '../complaints/complaint.model.js';
import { FollowUpModel } from '../follow-ups/follow-up.model.js';
import { FindingModel } from '../inspections/finding.model.js';
import { ViolationModel } from '../inspections/violation.model.js';
import { NoticeModel } from '../notices/notice.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { removeFile } from './file-store.js';

// Every upload is stored before the record that names it (a complaint, a finding, a follow-up
// step, an appeal, a staff member): one that no record names a day later was abandoned, or sent
// to fill the store. The periodic sweep (sweep.ts) deletes those, of every kind. A file found
// named is marked `kept` and not looked at again: from then on its record's own code removes it.

/** How long an upload may wait for its record. */
export const UNCLAIMED_MS = 24 * 3600_000;
/** Files judged per sweep: a few queries for the batch, whatever is stored. */
const BATCH = 200;

/** Every field of a record that holds file ids: a new one must join, or its files are deleted. */
export const FILE_REFERENCES: ReadonlyArray<[Model<never>, string]> = [
  [ComplaintModel as unknown as Model<never>, 'photos'],
  [FindingModel as unknown as Model<never>, 'photos'],
  [ViolationModel as unknown as Model<never>, 'photos'],
  [FollowUpModel as unknown as Model<never>, 'attachments.file'],
  [NoticeModel as unknown as Model<never>, 'receipts.appeal.attachments.file'],
  [StaffModel as unknown as Model<never>, 'photo'],
];

/** GridFS keeps file metadata in `<bucket>.files` (see file-store.ts, bucket "files"). */
const filesCollection = () => mongoose.connection.db!.collection('files.files');

/** Deletes a batch of uploads older than a day that no record names; answers how many. */
export async function sweepUnclaimedFiles(now = Date.now()) {
  const old = await filesCollection()
    .find(
      { uploadDate: { $lt: new Date(now - UNCLAIMED_MS) }, 'metadata.kept': { $ne: true } },
      { projection: { _id: 1 } },
    )
    .limit(BATCH)
    .toArray();
  if (!old.length) return 0;
  const ids = old.map((f) => f._id);
  const named = new Set<string>();
  for (const [model, path] of FILE_REFERENCES) {
    const found: unknown[] = await model.distinct(path, { [path]: trusted({ $in: ids }) } as never);
    for (const id of found) named.add(String(id));
  }
  const kept = ids.filter((id) => named.has(String(id)));
  if (kept.length) await filesCollection().updateMany({ _id: { $in: kept } }, { $set: { 'metadata.kept': true } });
  const abandoned = ids.filter((id) => !named.has(String(id)));
  for (const id of abandoned) await removeFile(String(id));
  return abandoned.length;
}
