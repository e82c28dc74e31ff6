import mongoose, { Types } from 'mongoose';
import { validationFailed } from '../../graphql/errors.js';
import { removeFile, storeImage } from '../files/file-store.js';
import { ComplaintModel } from './complaint.model.js';

// Citizens upload photos before they submit (each upload returns an id), then the submission
// names up to three ids. A photo is claimed by the submission's clientKey, so a retried
// submission claims the same photos again while nobody else can take them.

export const PHOTO_PURPOSE = 'complaint-photo';
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 3;

/** GridFS keeps file metadata in `<bucket>.files` (see files/file-store.ts, bucket "files"). */
const filesCollection = () => mongoose.connection.db!.collection('files.files');

/**
 * Stores an uploaded photo, readable by those who handle complaints (not inspectors) and by no
 * department's liaison until the complaint is assigned to it, as the complaint itself.
 */
export async function storePhoto(data: Buffer) {
  await removeUnclaimedPhotos();
  return storeImage(
    data,
    { purpose: PHOTO_PURPOSE, visibility: 'staff', department: null, reader: 'handleComplaints', uploadedBy: null },
    MAX_PHOTO_BYTES,
  );
}

/** Photos no complaint claimed within a day were abandoned (or uploaded to fill the disk). */
export const UNCLAIMED_TTL_MS = 24 * 3600_000;

/**
 * Deletes a batch of abandoned photos. Run at each upload rather than on a timer: uploads are what
 * fills the store, so the cleanup keeps pace with them on every app instance, with no scheduler.
 */
export async function removeUnclaimedPhotos(now = Date.now()) {
  const old = await filesCollection()
    .find(
      {
        'metadata.purpose': PHOTO_PURPOSE,
        'metadata.claim': null,
        uploadDate: { $lt: new Date(now - UNCLAIMED_TTL_MS) },
      },
      { projection: { _id: 1 } },
    )
    .limit(50)
    .toArray();
  for (const f of old) await removeFile(String(f._id));
}

/**
 * Claims the photos for a submission. They stay under no department (the center's alone) until
 * the complaint is assigned (filePhotosUnder). Fails on any id that is not an unclaimed complaint photo.
 */
export async function claimPhotos(ids: readonly string[], claim: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const objectIds = unique.map((id) => new Types.ObjectId(id));
  await filesCollection().updateMany(
    { _id: { $in: objectIds }, 'metadata.purpose': PHOTO_PURPOSE, 'metadata.claim': { $in: [null, claim] } },
    { $set: { 'metadata.claim': claim } },
  );
  const claimed = await filesCollection().countDocuments({ _id: { $in: objectIds }, 'metadata.claim': claim });
  if (claimed !== unique.length) {
    throw validationFailed([{ path: 'photoIds', message: 'unknown photo, or one already used by another complaint' }]);
  }
  return objectIds;
}

/** Moves the photos along when the complaint is assigned to another department. */
export async function filePhotosUnder(ids: readonly Types.ObjectId[], department: Types.ObjectId) {
  if (!ids.length) return;
  await filesCollection().updateMany(
    { _id: { $in: [...ids] } },
    { $set: { 'metadata.department': String(department) } },
  );
}

/**
 * Migration for photos stored before the rules above: every complaint photo gets its reader
 * capability, and those of complaints not yet assigned leave the department they were filed under.
 */
export async function restrictStoredPhotos() {
  await filesCollection().updateMany(
    { 'metadata.purpose': PHOTO_PURPOSE, 'metadata.reader': { $exists: false } },
    { $set: { 'metadata.reader': 'handleComplaints' } },
  );
  const unassigned = await ComplaintModel.distinct('photos', { assignedTo: null });
  if (unassigned.length)
    await filesCollection().updateMany({ _id: { $in: unassigned } }, { $set: { 'metadata.department': null } });
}
