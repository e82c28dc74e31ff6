// The database work of one citizen rating (scan + submit) stays the same as the data grows: the
// same commands, each addressing its documents by `_id` or a unique key, at 2 and at 3,000+
// stored ratings. The local engine uses an index for nothing else, so any other filter on a
// collection that grows with the ratings would be a scan (and the flow would slow down with it).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { periodKeys } from '../../common/periods.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeWindow } from '../helpers/fixtures.js';
import { rate } from '../helpers/rating.js';

// The roster (one document per shift assignment) is read by window and time: it grows with
// the staff's shifts, not with the ratings, so its filter may be a scan. The accounts are read for
// a bad rating's department liaisons (to notify them): a few hundred at most, whatever is rated.
// rating_webhooks: the centre's few configured receivers (an admin's list), not a growing collection.
const NOT_GROWING = new Set(['duty_roster', 'users', 'rating_webhooks']);
const STORED = 3000;

interface Op {
  collection: string;
  method: string;
  filter: Record<string, unknown> | null;
}

/** `ratings.findOne(clientKey)`, `counters.find(_id:$in)`: what a command addresses, not its values. */
function shape(op: Op) {
  const keys = Object.entries(op.filter ?? {}).map(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((o) => o.startsWith('$'))
      ? `${k}:${Object.keys(v).sort().join('')}`
      : k,
  );
  return `${op.collection}.${op.method}(${keys.sort().join(',')})`;
}

/** Single-field unique indexes of every model, by collection: what the local engine can use. */
function uniqueKeys() {
  const byCollection = new Map<string, Set<string>>();
  for (const m of Object.values(mongoose.connection.models)) {
    const keys = new Set(['_id']);
    for (const [fields, options] of m.schema.indexes()) {
      const names = Object.keys(fields);
      if (options.unique && names.length === 1) keys.add(names[0]!);
    }
    byCollection.set(m.collection.collectionName, keys);
  }
  return byCollection;
}

const WRITES = new Set(['insertOne', 'insertMany']);

/** True when the command finds its documents by plain equality (or `$in`) on `_id` or a unique key. */
function addressed(op: Op, unique: Map<string, Set<string>>) {
  if (WRITES.has(op.method)) return true;
  const keys = Object.keys(op.filter ?? {});
  if (keys.length !== 1) return false;
  const value = op.filter![keys[0]!];
  const isIn =
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof mongoose.Types.ObjectId);
  if (isIn && Object.keys(value).join() !== '$in') return false;
  return unique.get(op.collection)?.has(keys[0]!) ?? false;
}

describe('database work per rating', () => {
  let app: TestApp;
  let department: string;
  let next = 0;

  before(async () => {
    app = await startTestApp();
    department = await makeDepartment('GSJ');
  });
  after(() => app.close());

  /** The commands of one scan-and-rate at a window of its own, from a fresh device. */
  async function commandsOfOneRating(level: string) {
    const code = `W${String(++next).padStart(2, '0')}`;
    await makeWindow(code, department);
    const ops: Op[] = [];
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      const first = args[0];
      const filter = WRITES.has(method) || !first || typeof first !== 'object' ? null : first;
      ops.push({ collection, method, filter: filter as Op['filter'] });
    });
    try {
      const r = await rate(new Client(app.url), app, code, level);
      expect(r.errors).to.equal(undefined);
    } finally {
      mongoose.set('debug', false);
    }
    return ops;
  }

  async function storeHistory(count: number) {
    const [win] = await mongoose.connection.collection('windows').find().limit(1).toArray();
    const db = mongoose.connection.db!;
    const now = Date.now();
    const ratings = [];
    const tickets = [];
    for (let i = 0; i < count; i++) {
      const at = new Date(now - (i % 600) * 1000); // all recent: the alert rules' window included
      const seat = { window: win!._id, department: win!.department, staff: null };
      ratings.push({
        clientKey: randomUUID(),
        ...seat,
        level: i % 3 ? 'SATISFIED' : 'DISSATISFIED',
        negative: !(i % 3),
        good: !!(i % 3),
        tags: [],
        comment: '',
        caseNumber: null,
        callbackPhone: null,
        ipHash: `ip-${i % 50}`,
        createdAt: at,
        ...periodKeys(at),
        suspect: false,
        suspectReason: null,
        excluded: false,
        counted: true,
      });
      const _id = createHash('sha256').update(randomBytes(16)).digest('hex');
      tickets.push({ _id, ...seat, expiresAt: new Date(at.getTime() + 1800_000) });
    }
    await db.collection('ratings').insertMany(ratings);
    await db.collection<{ _id: string }>('rating_tickets').insertMany(tickets);
    const uses = tickets.map((t, i) => ({ _id: t._id, clientKey: `old-${i}`, expiresAt: t.expiresAt }));
    await db.collection<{ _id: string }>('rating_ticket_uses').insertMany(uses);
  }

  it('issues the same commands at 2 and at 3,000+ stored ratings, each by _id or a unique key', async function () {
    this.timeout(120_000);
    // Warm the per-process caches (settings, holiday calendar), which a long-running server has.
    await commandsOfOneRating('SATISFIED');
    await commandsOfOneRating('DISSATISFIED');
    const fewGood = await commandsOfOneRating('SATISFIED');
    const fewBad = await commandsOfOneRating('DISSATISFIED');
    await storeHistory(STORED);
    const manyGood = await commandsOfOneRating('SATISFIED');
    const manyBad = await commandsOfOneRating('DISSATISFIED');

    expect(manyGood.map(shape).sort()).to.deep.equal(fewGood.map(shape).sort());
    expect(manyBad.map(shape).sort()).to.deep.equal(fewBad.map(shape).sort());
    // A bad rating does more (follow-up, alert rules), and these are the commands that do it.
    expect(manyBad.map(shape)).to.include.members(['follow_ups.findOneAndUpdate(rating)', 'counters.find(_id:$in)']);

    const unique = uniqueKeys();
    const scans = [...manyGood, ...manyBad]
      .filter((op) => !NOT_GROWING.has(op.collection) && !addressed(op, unique))
      .map(shape);
    expect(scans, 'commands that would scan a growing collection').to.deep.equal([]);
  });
});
