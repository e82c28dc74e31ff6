import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import QRCode from 'qrcode';
import { fileInfo, storeImage } from '../../server/src/domains/files/file-store.js';
import { FILE_REFERENCES } from '../../server/src/domains/files/unclaimed.js';
import { sweepOnce } from '../../server/src/sweep.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { fileComplaint, uploadPhoto } from '../helpers/complaints.js';
import { makeWindow } from '../helpers/fixtures.js';
import { as, makeHall, roundFor } from '../helpers/patrol.js';

// Anyone may upload a complaint photo; one that no complaint claims within a day is deleted (at
// the next upload), so uploads alone cannot fill the store. Claimed photos stay, however old.
// The periodic sweep does the same for uploads of every kind (patrol photos, evidence …).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('security: abandoned uploads', function () {
  this.timeout(60_000);
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    await makeWindow('B07', hall.gsj);
  });
  after(() => app.close());

  const upload = async () => ((await (await uploadPhoto(app.url, PNG)).json()) as { id: string }).id;
  const age = (id: string, hours: number) =>
    mongoose.connection
      .db!.collection('files.files')
      .updateOne({ _id: new Types.ObjectId(id) }, { $set: { uploadDate: new Date(Date.now() - hours * 3600_000) } });

  it('deletes photos unclaimed for a day, and keeps claimed and recent ones', async () => {
    const [abandoned, claimed, recent] = [await upload(), await upload(), await upload()];
    await fileComplaint(new Client(app.url), { photoIds: [claimed] });
    await age(abandoned, 25);
    await age(claimed, 25);
    await age(recent, 23);
    await upload();
    expect(await fileInfo(abandoned)).to.equal(null);
    expect(await fileInfo(claimed)).to.not.equal(null);
    expect(await fileInfo(recent)).to.not.equal(null);
  });

  it('sweeps uploads of every kind that no record claimed for a day, and keeps claimed ones', async () => {
    const inspector = await as(app, 'INSPECTOR');
    const round = await roundFor(inspector.userId, 'SWEEP');
    await inspector.gql(`mutation($id: ID!) { startRound(id: $id) { id } }`, { id: round });
    const jpeg = await QRCode.toBuffer('patrol evidence');
    const patrolPhoto = async () => {
      const res = await fetch(`${app.url}/api/patrol/rounds/${round}/photos?windowId=${hall.b01.window}`, {
        method: 'POST',
        headers: { 'x-wfp-csrf': '1', cookie: inspector.cookie! },
        body: new Uint8Array(jpeg),
      });
      expect(res.status).to.equal(201);
      return ((await res.json()) as { id: string }).id;
    };
    const [abandoned, claimed, recent] = [await patrolPhoto(), await patrolPhoto(), await patrolPhoto()];
    const SAVE = `mutation($r: ID!, $w: ID!, $input: FindingInput!) { saveFinding(roundId: $r, windowId: $w, input: $input) { id } }`;
    const input = { clientKey: 'sweep-finding', seq: 1, marks: [], failures: [], photoIds: [claimed] };
    expect((await inspector.gql(SAVE, { r: round, w: hall.b01.window, input })).errors).to.equal(undefined);
    // A complaint photo too: the sweep does not wait for the next complaint upload.
    const complaintPhoto = await upload();
    for (const id of [abandoned, claimed, complaintPhoto]) await age(id, 25);
    await age(recent, 23);
    await sweepOnce();
    expect(await fileInfo(abandoned), 'the unclaimed patrol photo').to.equal(null);
    expect(await fileInfo(complaintPhoto), 'the unclaimed complaint photo').to.equal(null);
    expect(await fileInfo(claimed), 'the claimed patrol photo').to.not.equal(null);
    expect(await fileInfo(recent), 'the recent one').to.not.equal(null);
    // Judged once: a second sweep keeps the claimed photo as well.
    await sweepOnce();
    expect(await fileInfo(claimed)).to.not.equal(null);
  });
});

describe('security: what keeps an upload', function () {
  this.timeout(60_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  // A record naming the file, for each field that can (written raw: only the reference matters).
  const shapes: Record<string, (id: Types.ObjectId) => object> = {
    photos: (id) => ({ photos: [id] }),
    photo: (id) => ({ photo: id }),
    'attachments.file': (id) => ({ attachments: [{ file: id }] }),
    'receipts.appeal.attachments.file': (id) => ({ receipts: [{ appeal: { attachments: [{ file: id }] } }] }),
  };

  it('keeps a day-old file that any record field naming files names, and only those', async () => {
    const files = mongoose.connection.db!.collection('files.files');
    const stored = async () => {
      const { id } = await storeImage(
        PNG,
        { purpose: 'test', visibility: 'staff', department: null, uploadedBy: null },
        1e6,
      );
      await files.updateOne(
        { _id: new Types.ObjectId(id) },
        { $set: { uploadDate: new Date(Date.now() - 25 * 3600_000) } },
      );
      return id;
    };
    const named: Array<[string, string]> = [];
    for (const [model, path] of FILE_REFERENCES) {
      const id = await stored();
      await model.collection.insertOne(shapes[path]!(new Types.ObjectId(id)));
      named.push([`${model.modelName}.${path}`, id]);
    }
    const unnamed = await stored();
    await sweepOnce();
    for (const [field, id] of named) expect(await fileInfo(id), field).to.not.equal(null);
    expect(await fileInfo(unnamed)).to.equal(null);
  });

  it('lists every schema field that holds file ids (photo, photos, file) among the references', () => {
    const fields: string[] = [];
    const walk = (schema: mongoose.Schema, model: string, prefix: string) =>
      schema.eachPath((path, type) => {
        const sub = (type as unknown as { schema?: mongoose.Schema }).schema;
        if (sub) walk(sub, model, `${prefix}${path}.`);
        const leaf = path.split('.').at(-1)!;
        if (
          /^(photos?|file|files)$/.test(leaf) &&
          /ObjectId/.test(type.instance + String((type as { caster?: { instance?: string } }).caster?.instance))
        )
          fields.push(`${model}.${prefix}${path}`);
      });
    for (const name of mongoose.modelNames()) walk(mongoose.model(name).schema, name, '');
    const listed = FILE_REFERENCES.map(([model, path]) => `${model.modelName}.${path}`);
    expect(fields.sort()).to.deep.equal([...listed].sort());
  });
});
