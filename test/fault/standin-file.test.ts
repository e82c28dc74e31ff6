import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { startLocalDb } from '../../scripts/db.js';

// The stand-in's H2 file (what `npm start` runs on): a commit per write leaves superseded chunks
// behind, so a clean stop copies the live data into a compact file. What was written must be
// there after the stop, and the file must have shrunk (a warm start opens it in proportion).
describe('the stand-in on a file, stopped cleanly', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wfp-standin-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write and compacts the file on stop', async () => {
    const file = path.join(dir, 'standin.mv');
    const open = async () => {
      const db = await startLocalDb({ engine: 'standin', dataDir: dir, log: () => {} });
      const client = await mongoose.mongo.MongoClient.connect(db.uri);
      return { db, client, docs: client.db('wfp_file_test').collection<{ _id: string; n: number; pad: string }>('d') };
    };

    const first = await open();
    // 200 durable rewrites of 20 documents: each commit writes its pages anew.
    for (let n = 1; n <= 200; n++) {
      await first.docs.updateOne({ _id: `d${n % 20}` }, { $set: { n, pad: 'x'.repeat(8_000) } }, { upsert: true });
    }
    await first.client.close();
    const before = statSync(file).size;
    await first.db.stop();
    const after = statSync(file).size;
    expect(after).to.be.below(before / 2);

    const second = await open();
    try {
      const docs = await second.docs.find({}).sort({ n: 1 }).toArray();
      expect(docs).to.have.length(20);
      expect(docs.map((d) => d.n)).to.deep.equal(Array.from({ length: 20 }, (_, i) => 181 + i));
    } finally {
      await second.client.close();
      await second.db.stop();
    }
  });
});
