import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActions } from '../../server/src/messages/audit.js';
import { hasChinese } from '../../server/src/lib/messages.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { as } from '../helpers/patrol.js';

// Server messages in the user's language: Chinese unless the request's Accept-Language starts with
// English (the web sends its chosen locale there). Codes stay the same in both.

const UPDATE = `mutation($id: ID!) { updateDepartment(id: $id, input: { name: "x" }) { id } }`;
const CREATE = `mutation { createDepartment(input: { code: "MSG", name: "消息测试局", shortName: "消息" }) { id } }`;
const BAD = `mutation { createDepartment(input: { code: "", name: "", shortName: "x" }) { id } }`;
const LOG = `{ auditLog(action: "createDepartment") { items { summary action } } }`;
const EN = { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.8' };

describe('messages in the user language', () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof as>>;

  before(async () => {
    app = await startTestApp();
    admin = await as(app, 'ADMIN');
  });
  after(() => app.close());

  it('answers a coded error in Chinese by default and in English when asked', async () => {
    const id = '0123456789abcdef01234567';
    const zh = await admin.gql(UPDATE, { id });
    expect(zh.errors?.[0]).to.deep.include({ message: '未找到部门' });
    expect(zh.errors?.[0]?.extensions?.code).to.equal('NOT_FOUND');
    const en = await admin.gql(UPDATE, { id }, EN);
    expect(en.errors?.[0]).to.deep.include({ message: 'Department not found' });
    expect(en.errors?.[0]?.extensions?.code).to.equal('NOT_FOUND');
    // A browser that prefers Chinese but also accepts English still gets Chinese.
    const mixed = await admin.gql(UPDATE, { id }, { 'accept-language': 'zh-CN,en;q=0.5' });
    expect(mixed.errors?.[0]?.message).to.equal('未找到部门');
  });

  it("gives zod's field messages in the same language", async () => {
    const zh = (await admin.gql(BAD)).errors?.[0]?.extensions;
    expect(zh?.code).to.equal('VALIDATION_FAILED');
    const zhMessages = (zh?.fields as Array<{ message: string }>).map((f) => f.message).join(' ');
    expect(zhMessages).to.match(/[\u4e00-\u9fff]/);
    const en = (await admin.gql(BAD, {}, EN)).errors?.[0]?.extensions;
    expect((en?.fields as Array<{ message: string }>).map((f) => f.message).join(' ')).to.not.match(/[\u4e00-\u9fff]/);
  });

  it('writes the audit log out in words: who, role, what, on which record, from where', async () => {
    const created = await admin.gql<{ createDepartment: { id: string } }>(CREATE);
    const id = created.data.createDepartment.id;
    const [zh] = (await admin.gql<{ auditLog: { items: Array<{ summary: string }> } }>(LOG)).data.auditLog.items;
    expect(zh!.summary).to.match(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}，${admin.username}（系统管理员）新建了部门：部门 ${id}，来自 \\S+$`,
      ),
    );
    const [en] = (await admin.gql<{ auditLog: { items: Array<{ summary: string }> } }>(LOG, {}, EN)).data.auditLog
      .items;
    expect(en!.summary).to.include(`${admin.username} (admin) created a department: department ${id}`);
  });
});

describe('the message catalogue', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  // Messages as the code writes them: the first string literal given to an error helper, a row
  // checker (bad), a field error, a zod refinement, or as a `message:` property.
  const LITERAL =
    /(?:(?:invalidState|forbidden|notFound)\(|AppError\('[A-Z_]+',|\b(?:bad|fieldError)\([^,]+,|\.(?:regex|min|max|refine)\([^)]*?,|message:)\s*'((?:[^'\\]|\\.)+)'/g;

  it('has Chinese for every message literal the server can send', () => {
    const missing = files('server/src')
      .filter((f) => !f.includes('/messages/'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(LITERAL)].map((m) => ({ file: f, key: m[1]! })))
      .filter(({ key }) => !/[\u4e00-\u9fff]/.test(key) && !hasChinese(key));
    expect(missing, 'add these to server/src/messages/').to.deep.equal([]);
  });

  it('names every mutation of the schema in words for the audit log', () => {
    const schema = readFileSync('schema.graphql', 'utf8');
    const mutations = [.../type Mutation \{([\s\S]*?)\n\}/.exec(schema)![1]!.matchAll(/^ {2}(\w+)[(:]/gm)].map(
      (m) => m[1],
    );
    expect(mutations.filter((m) => !auditActions.includes(m!))).to.deep.equal([]);
  });
});
