// Fills the database with a center's history straight through the driver (the API would take many
// minutes): `count` ratings over the last 180 days across the given windows, and as many tickets
// still in their lifetime, mostly spent. Shaped as the app writes them
// (server/src/domains/ratings/rating.model.ts).
import { createHash, randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { periodKeys } from '../../common/periods.js';
import { isBad } from '../../common/ratings.js';

const BATCH = 5000;
const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;

export interface Seat {
  window: Types.ObjectId;
  department: Types.ObjectId;
  staff: Types.ObjectId | null;
}

async function seats(db: mongoose.mongo.Db, codes: string[]): Promise<Seat[]> {
  const windows = await db
    .collection('windows')
    .find({ code: { $in: codes } })
    .toArray();
  const duties = await db.collection('duty_roster').find({ to: null }).toArray();
  const staffOf = new Map(duties.map((d) => [String(d.window), d.staff as Types.ObjectId]));
  return windows.map((w) => ({
    window: w._id,
    department: w.department as Types.ObjectId,
    staff: staffOf.get(String(w._id)) ?? null,
  }));
}

/**
 * A rating as the app stores it, its level drawn from `r` (0–1) as a center's are: mostly good,
 * about 3 % bad. `keys` are its period keys (lib/periods.ts).
 */
export function ratingDoc<K extends object>(
  clientKey: string,
  seat: Seat,
  at: Date,
  r: number,
  keys: K,
  ipHash: string,
) {
  const level = LEVELS[r < 0.55 ? 0 : r < 0.88 ? 1 : r < 0.97 ? 2 : r < 0.99 ? 3 : 4];
  const negative = isBad(level);
  return {
    clientKey,
    ...seat,
    level,
    negative,
    good: level === 'VERY_SATISFIED' || level === 'SATISFIED',
    tags: [],
    comment: '',
    caseNumber: null,
    channel: 'QR',
    servedCase: null,
    serviceItem: null,
    ratingSeq: 1,
    regionCode: '',
    staffAskedForGood: null,
    callbackPhone: null,
    ipHash,
    createdAt: at,
    ...keys,
    suspect: false,
    suspectReason: null,
    excluded: false,
    counted: true,
  };
}

// A ticket lives 30 minutes (the default ticketMinutes), and the server's sweep (sweep.ts) deletes
// those expired for over an hour: 180-day-old tickets would be gone before the runs that are meant
// to find them stored. These are scans of the last half hour, so every one of them is still there
// for the runs (an unrealistic rush, but it is the stored count that the flatness is about).
const TICKET_MS = 30 * 60_000;

/** Ticket of a recent scan, and its use: nine in ten were spent by their rating already. */
function ticket(i: number, seat: Seat, issuedAt: Date) {
  const expiresAt = new Date(issuedAt.getTime() + TICKET_MS);
  const doc = { _id: createHash('sha256').update(randomBytes(16)).digest('hex'), ...seat, expiresAt };
  return { doc, use: i % 10 !== 0 ? { _id: doc._id, clientKey: `bulk-${i}`, expiresAt } : null };
}

export async function bulkLoad(uri: string, codes: string[], count: number) {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    const db = conn.db!;
    const all = await seats(db, codes);
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const now = Date.now();
    for (let done = 0; done < count; done += BATCH) {
      const ratings = [];
      const tickets = [];
      const uses = [];
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const seat = all[i % all.length]!;
        const at = new Date(now - Math.floor(random() * 180 * 86_400_000));
        const ipHash = createHash('sha256')
          .update(`ip-${i % 5000}`)
          .digest('base64url');
        ratings.push(ratingDoc(`bulk-${i}`, seat, at, random(), periodKeys(at), ipHash));
        const { doc, use } = ticket(i, seat, new Date(now - Math.floor(random() * TICKET_MS)));
        tickets.push(doc);
        if (use) uses.push(use);
      }
      await db.collection('ratings').insertMany(ratings, { ordered: false });
      await db.collection<{ _id: string }>('rating_tickets').insertMany(tickets, { ordered: false });
      await db.collection<{ _id: string }>('rating_ticket_uses').insertMany(uses, { ordered: false });
    }
    return await storedCounts(uri);
  } finally {
    await conn.close();
  }
}

/** What is stored now: counted again after the runs, to show the sweep left the history in place. */
export async function storedCounts(uri: string) {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    const db = conn.db!;
    return {
      ratings: await db.collection('ratings').countDocuments(),
      tickets: await db.collection('rating_tickets').countDocuments(),
      ticketUses: await db.collection('rating_ticket_uses').countDocuments(),
    };
  } finally {
    await conn.close();
  }
}
