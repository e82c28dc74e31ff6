import { expect } from 'chai';
import { AuditModel } from '../../server/src/domains/audit/audit.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

const CREATE_WINDOW = `mutation($input: WindowInput!) { createWindow(input: $input) { id code department { code } } }`;
const UPDATE_WINDOW = `mutation($id: ID!, $input: WindowUpdateInput!) { updateWindow(id: $id, input: $input) { id name } }`;
const UPDATE_STAFF = `mutation($id: ID!, $input: StaffUpdateInput!) { updateStaff(id: $id, input: $input) { id name } }`;

describe('registry: departments, windows, staff, service items, roster', () => {
  let app: TestApp;
  let admin: Client;
  let gsj: string;
  let dsj: string;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    dsj = await makeDepartment('DSJ', '市地方税务局');
    const { username } = await makeUser('ADMIN');
    admin = new Client(app.url);
    await admin.login(username, PASSWORD);
  });
  after(() => app.close());

  async function as(role: 'MANAGER' | 'INSPECTOR' | 'DEPARTMENT', dept?: string) {
    const { username } = await makeUser(role, dept);
    const c = new Client(app.url);
    await c.login(username, PASSWORD);
    return c;
  }

  it('lets an admin create a window and audits it', async () => {
    const res = await admin.gql(CREATE_WINDOW, {
      input: { code: 'b07', zone: 'b', number: 7, name: '企业登记窗口', departmentId: gsj },
    });
    expect(res.errors).to.equal(undefined);
    expect(res.data.createWindow).to.include({ code: 'B07' });
    expect(res.data.createWindow.department.code).to.equal('GSJ');
    const entry = await AuditModel.findOne({ action: 'createWindow' }).lean();
    expect(entry).to.include({ ok: true, targetType: 'Window', targetId: res.data.createWindow.id, role: 'ADMIN' });
  });

  it('refuses a duplicate window code with DUPLICATE on the code field', async () => {
    await makeWindow('C01', gsj);
    const res = await admin.gql(CREATE_WINDOW, {
      input: { code: 'c01', zone: 'C', number: 1, name: 'x', departmentId: gsj },
    });
    expect(res.errors?.[0]?.extensions?.code).to.equal('DUPLICATE');
    expect(res.errors?.[0]?.extensions?.fields).to.deep.equal([{ path: 'code', message: '已存在编码相同的窗口' }]);
  });

  it('validates input and names each bad field', async () => {
    const res = await admin.gql(CREATE_WINDOW, {
      input: { code: 'bad code!', zone: '7', number: 0, name: ' ', departmentId: 'nope' },
    });
    expect(res.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    const paths = (res.errors![0]!.extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).to.deep.equal(['code', 'departmentId', 'name', 'number', 'zone']);
  });

  it('refuses an inspector creating a window (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const inspector = await as('INSPECTOR');
    const input = { code: 'Z99', zone: 'Z', number: 99, name: 'x', departmentId: gsj };
    expect(await inspector.code(CREATE_WINDOW, { input })).to.equal('FORBIDDEN');
    expect(await new Client(app.url).code(CREATE_WINDOW, { input })).to.equal('UNAUTHENTICATED');
    expect(await new Client(app.url).code('{ windows { code } }')).to.equal('UNAUTHENTICATED');
  });

  it("keeps a liaison inside its own department's windows", async () => {
    const own = await makeWindow('D01', gsj);
    const other = await makeWindow('D02', dsj);
    const liaison = await as('DEPARTMENT', gsj);

    const list = await liaison.gql('{ windows { code department { code } } }');
    expect(list.data.windows.map((w: { department: { code: string } }) => w.department.code)).to.satisfy(
      (codes: string[]) => codes.length > 0 && codes.every((c) => c === 'GSJ'),
    );
    // Asking for another department's records by filter or by id is refused.
    const filtered = await liaison.gql('query($d: ID) { windows(departmentId: $d) { code } }', { d: dsj });
    expect(filtered.data.windows.map((w: { code: string }) => w.code)).to.not.include('D02');
    expect(await liaison.code('query($id: ID!) { window(id: $id) { code } }', { id: other })).to.equal('FORBIDDEN');
    expect(await liaison.code(UPDATE_WINDOW, { id: other, input: { name: 'mine now' } })).to.equal('FORBIDDEN');
    expect(await liaison.code('query($id: ID!) { department(id: $id) { code } }', { id: dsj })).to.equal('FORBIDDEN');

    // Its own window it may rename, but not move to another department.
    expect(
      (await liaison.gql(UPDATE_WINDOW, { id: own, input: { name: '改名窗口' } })).data.updateWindow.name,
    ).to.equal('改名窗口');
    expect(await liaison.code(UPDATE_WINDOW, { id: own, input: { departmentId: dsj } })).to.equal('FORBIDDEN');
  });

  it("keeps a liaison away from another department's staff", async () => {
    const mine = await makeStaff('GSJ77', gsj);
    const theirs = await makeStaff('DSJ77', dsj);
    const liaison = await as('DEPARTMENT', gsj);
    const page = await liaison.gql('{ staffPage(pageSize: 100) { total items { staffNo } } }');
    const nos = page.data.staffPage.items.map((s: { staffNo: string }) => s.staffNo);
    expect(nos).to.include('GSJ77').and.not.include('DSJ77');
    expect(await liaison.code('query($id: ID!) { staffMember(id: $id) { name } }', { id: theirs })).to.equal(
      'FORBIDDEN',
    );
    expect(await liaison.code(UPDATE_STAFF, { id: theirs, input: { name: '张三' } })).to.equal('FORBIDDEN');
    const create = `mutation($input: StaffInput!) { createStaff(input: $input) { id } }`;
    expect(await liaison.code(create, { input: { staffNo: 'X1', name: '李四', departmentId: dsj } })).to.equal(
      'FORBIDDEN',
    );
    expect((await liaison.gql(UPDATE_STAFF, { id: mine, input: { name: '王五' } })).data.updateStaff.name).to.equal(
      '王五',
    );
  });

  it('pages, searches and filters', async () => {
    for (let i = 1; i <= 5; i++) await makeStaff(`PG${i}`, dsj, `分页${i}`);
    const q = `query($s: String, $p: Int!) { staffPage(search: $s, page: $p, pageSize: 2, departmentId: "${dsj}") { total page items { staffNo } } }`;
    const p1 = await admin.gql(q, { s: '分页', p: 1 });
    const p3 = await admin.gql(q, { s: '分页', p: 3 });
    expect(p1.data.staffPage.total).to.equal(5);
    expect(p1.data.staffPage.items.map((s: { staffNo: string }) => s.staffNo)).to.deep.equal(['PG1', 'PG2']);
    expect(p3.data.staffPage.items.map((s: { staffNo: string }) => s.staffNo)).to.deep.equal(['PG5']);
    // Regex characters in a search are matched literally, not interpreted.
    expect((await admin.gql(q, { s: '.*', p: 1 })).data.staffPage.total).to.equal(0);
  });

  it('keeps service item limits consistent', async () => {
    const create = `mutation($input: ServiceItemInput!) { createServiceItem(input: $input) { code promisedDays } }`;
    const bad = await admin.gql(create, {
      input: {
        code: 'GSJ-900',
        name: '测试事项',
        departmentId: gsj,
        category: 'LICENSING',
        legalDays: 5,
        promisedDays: 9,
      },
    });
    expect(bad.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('promisedDays');
    const ok = await admin.gql(create, {
      input: {
        code: 'GSJ-900',
        name: '测试事项',
        departmentId: gsj,
        category: 'LICENSING',
        legalDays: 20,
        promisedDays: 0,
      },
    });
    expect(ok.data.createServiceItem).to.deep.equal({ code: 'GSJ-900', promisedDays: 0 });
  });

  it('attributes a window to whoever the roster has on duty, and refuses overlaps', async () => {
    const win = await makeWindow('E01', gsj);
    const a = await makeStaff('GSJ81', gsj, '赵一');
    const b = await makeStaff('GSJ82', gsj, '钱二');
    const assign = `mutation($w: ID!, $s: ID!, $from: DateTime!, $to: DateTime) { assignDuty(windowId: $w, staffId: $s, from: $from, to: $to) { id } }`;
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const first = await admin.gql(assign, { w: win, s: a, from: hourAgo });
    expect(first.errors).to.equal(undefined);
    const clash = await admin.gql(assign, { w: win, s: b, from: new Date().toISOString() });
    expect(clash.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');

    const onDuty = `query($id: ID!) { window(id: $id) { onDuty { name } } }`;
    expect((await admin.gql(onDuty, { id: win })).data.window.onDuty).to.deep.equal([{ name: '赵一' }]);

    const now = new Date().toISOString();
    await admin.gql(`mutation($id: ID!, $to: DateTime!) { endDuty(id: $id, to: $to) { id } }`, {
      id: first.data.assignDuty.id,
      to: now,
    });
    expect((await admin.gql(assign, { w: win, s: b, from: now })).errors).to.equal(undefined);
    expect((await admin.gql(onDuty, { id: win })).data.window.onDuty).to.deep.equal([{ name: '钱二' }]);

    const otherDept = await makeStaff('DSJ81', dsj);
    const wrong = await admin.gql(assign, { w: win, s: otherDept, from: '2030-01-01T00:00:00Z' });
    expect(wrong.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('staffId');
  });

  it('lets only admins manage accounts and browse the audit log', async () => {
    const manager = await as('MANAGER');
    expect(await manager.code('{ users { total } }')).to.equal('FORBIDDEN');
    expect(await manager.code('{ auditLog { total } }')).to.equal('FORBIDDEN');
    const create = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username department { code } } }`;
    const noDept = await admin.gql(create, {
      input: { username: 'liaison2', displayName: '联络员', role: 'DEPARTMENT', password: 'long enough pw' },
    });
    expect(noDept.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('departmentId');
    const ok = await admin.gql(create, {
      input: {
        username: 'Liaison2',
        displayName: '联络员',
        role: 'DEPARTMENT',
        departmentId: dsj,
        password: 'long enough pw',
      },
    });
    expect(ok.data.createUser).to.deep.include({ username: 'liaison2', department: { code: 'DSJ' } });
    const c = new Client(app.url);
    await c.login('liaison2', 'long enough pw');
    await admin.gql(`mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }`, {
      id: ok.data.createUser.id,
    });
    expect((await c.gql('{ me { username } }')).data.me).to.equal(null);

    const log = await admin.gql('{ auditLog(action: "createUser") { total items { actorName ok args } } }');
    expect(log.data.auditLog.total).to.equal(2);
    expect(log.data.auditLog.items.map((e: { args: string }) => e.args).join()).to.not.include('long enough pw');
  });
});
