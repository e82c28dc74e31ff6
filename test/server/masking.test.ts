import { expect } from 'chai';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';

// Unexpected errors are masked for the client and logged in full for us. The error here is a real
// one, not a stand-in for server code: a published bulletin whose stored snapshot is missing (as
// a row written by a broken migration would be) makes the public page's resolver throw a
// TypeError deep inside the real code path.
describe('unexpected errors', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ logs: true });
  });
  after(() => app.close());

  it('are masked for the client and logged with their real message', async () => {
    const period = { key: '2031-B5', label: '2031年9—10月', from: '2031-09-01', to: '2031-10-31' };
    // Written past mongoose on purpose: its validation would refuse the broken row.
    await BulletinModel.collection.insertOne({
      status: 'PUBLISHED',
      number: '〔2031〕第5期',
      title: '简报',
      period,
      publishedAt: new Date(),
      snapshot: null,
    });
    const before = app.logs.length;
    const res = await new Client(app.url).gql('{ publicBulletin(period: "2031-B5") { number totals { ratings } } }');

    expect(res.data).to.deep.equal({ publicBulletin: null });
    expect(res.errors).to.have.length(1);
    const [error] = res.errors!;
    expect(error).to.deep.include({ message: '服务器出现意外错误，请稍后重试', path: ['publicBulletin', 'totals'] });
    // Nothing of the internals reaches the client: no message, no stack, no code but the generic one.
    const sent = JSON.stringify(res);
    for (const internal of ['snapshot', 'Cannot read', 'TypeError', '.ts:']) expect(sent).to.not.include(internal);
    expect(error!.extensions ?? {}).to.not.have.property('originalError');

    const logged = app.logs.slice(before).filter((l) => l.msg === 'unexpected error');
    expect(logged, JSON.stringify(app.logs.slice(before))).to.have.length(1);
    expect(logged[0]!.level).to.equal(50); // pino's "error"
    expect(logged[0]!.err).to.include({ type: 'TypeError' });
    expect(logged[0]!.err.message).to.include("reading 'center'");
    expect(logged[0]!.err.stack).to.include('public.schema.ts');
  });

  it('still pass coded (expected) errors through as they are', async () => {
    const res = await new Client(app.url).gql('{ window(id: "000000000000000000000000") { id } }');
    expect(res.errors?.[0]).to.deep.include({ message: '请先登录' }); // zh-CN, the default language
    expect(res.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });
});
