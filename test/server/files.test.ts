import { expect } from 'chai';
import QRCode from 'qrcode';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, PASSWORD } from '../helpers/fixtures.js';

describe('staff photos (GridFS uploads)', () => {
  let app: TestApp;
  let admin: Client;
  let png: Buffer;
  let gsj: string;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ');
    admin = new Client(app.url);
    await admin.login((await makeUser('ADMIN')).username, PASSWORD);
    png = await QRCode.toBuffer('a real PNG image');
  });
  after(() => app.close());

  const put = (c: Client, staffId: string, body: Buffer, headers: Record<string, string> = { 'x-wfp-csrf': '1' }) =>
    fetch(`${app.url}/api/staff/${staffId}/photo`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', ...(c.cookie ? { cookie: c.cookie } : {}), ...headers },
      body: new Uint8Array(body),
    });
  const codeOf = async (res: Response) =>
    ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;

  it('stores a PNG, serves it publicly and replaces it on the next upload', async () => {
    const staff = await makeStaff('GSJ01', gsj);
    const res = await put(admin, staff, png);
    expect(res.status).to.equal(200);
    const { photoUrl } = (await res.json()) as { photoUrl: string };
    const img = await fetch(`${app.url}${photoUrl}`);
    expect(img.status).to.equal(200);
    expect(img.headers.get('content-type')).to.equal('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(png)).to.equal(true);

    const second = (await (await put(admin, staff, png)).json()) as { photoUrl: string };
    expect(second.photoUrl).to.not.equal(photoUrl);
    expect((await fetch(`${app.url}${photoUrl}`)).status).to.equal(404);
    const gql = await admin.gql('query($id: ID!) { staffMember(id: $id) { photoUrl } }', { id: staff });
    expect(gql.data.staffMember.photoUrl).to.equal(second.photoUrl);
  });

  it('judges the type by the bytes, not the declared content type', async () => {
    const staff = await makeStaff('GSJ02', gsj);
    const res = await put(admin, staff, Buffer.from('<script>alert(1)</script>'.repeat(10)));
    expect(res.status).to.equal(415);
    expect(await codeOf(res)).to.equal('UNSUPPORTED_FILE_TYPE');
    expect((await StaffModel.findById(staff).lean())!.photo).to.equal(null);
  });

  it('refuses files over 2 MB with 413', async () => {
    const staff = await makeStaff('GSJ03', gsj);
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await put(admin, staff, big);
    expect(res.status).to.equal(413);
    expect(await codeOf(res)).to.equal('PAYLOAD_TOO_LARGE');
  });

  it('refuses a simple request without the CSRF header, anonymous callers, inspectors and other departments', async () => {
    const staff = await makeStaff('GSJ04', gsj);
    expect((await put(admin, staff, png, { 'content-type': 'text/plain' })).status).to.equal(403);
    expect((await put(new Client(app.url), staff, png)).status).to.equal(401);
    const inspector = new Client(app.url);
    await inspector.login((await makeUser('INSPECTOR')).username, PASSWORD);
    expect((await put(inspector, staff, png)).status).to.equal(403);
    const other = new Client(app.url);
    await other.login((await makeUser('DEPARTMENT', await makeDepartment('DSJ'))).username, PASSWORD);
    const res = await put(other, staff, png);
    expect(res.status).to.equal(403);
    expect(await codeOf(res)).to.equal('FORBIDDEN');
    // The control: the liaison of the staff member's own department may.
    const own = new Client(app.url);
    await own.login((await makeUser('DEPARTMENT', gsj)).username, PASSWORD);
    expect((await put(own, staff, png)).status).to.equal(200);
  });
});
