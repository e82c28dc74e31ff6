import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import { fileInfo } from '../../server/src/domains/files/file-store.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { fileComplaint, uploadPhoto } from '../helpers/complaints.js';
import { makeDepartment, makeWindow } from '../helpers/fixtures.js';

// Anyone may upload a complaint photo; one that no complaint claims within a day is deleted (at
// the next upload), so uploads alone cannot fill the store. Claimed photos stay, however old.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('security: abandoned uploads', function () {
  this.timeout(60_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
    await makeWindow('B07', await makeDepartment('GSJ'));
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
});
