import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/src/config.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';

// Production refuses to start on a secret anyone can read in the source (or one no generator
// produced), and no error suggests the names of fields or values the caller got wrong.
const PRODUCTION = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db/wfp',
  PUBLIC_BASE_URL: 'http://hall.example.gov.cn',
};
const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0000';
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...PRODUCTION, ...env });
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return expect.fail('started');
};

describe('security: production settings', function () {
  this.timeout(60_000);

  it('refuses the development secret and barely random ones, in Chinese with a code', () => {
    expect(problems({ SESSION_SECRET: DEV_SECRET })).to.deep.equal([
      'SESSION_SECRET [CONFIG_WEAK_SECRET]: 这是源代码中公开的开发密钥，生产环境不能使用；请用 deploy/make-secrets.sh 生成新的密钥',
    ]);
    expect(problems({ SESSION_SECRET: 'x'.repeat(40) })[0]).to.match(
      /^SESSION_SECRET \[CONFIG_WEAK_SECRET\]: 字符种类太少/,
    );
    const qr = problems({ SESSION_SECRET: 'pR7vK2mQ9xL4wT8nB3cY6hJ1dF5gZ0sA', QR_KEYS: `k1:${DEV_SECRET}` });
    expect(qr[0]).to.match(/^QR_KEYS \[CONFIG_WEAK_SECRET\]/);
    // The controls: a generated secret starts, and development keeps its fixed one.
    expect(loadConfig({ ...PRODUCTION, SESSION_SECRET: 'pR7vK2mQ9xL4wT8nB3cY6hJ1dF5gZ0sA' }).isProduction).to.equal(
      true,
    );
    expect(loadConfig({ MONGODB_URI: 'mongodb://db/wfp' }).secret).to.equal(DEV_SECRET);
  });

  describe('over HTTP', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp();
    });
    after(() => app.close());

    it('suggests no field, argument or enum names in errors', async () => {
      const client = new Client(app.url);
      const wrong = [
        '{ publicDepartmentStat(period: "2026-B6") { period } }',
        '{ publicDepartmentStats(perio: "2026-B6") { period } }',
        '{ publicDepartmentStats(period: "2026-B6") { perio } }',
        'mutation { submitComplaint(input: { subjectKind: WINDOWS }) { trackingCode } }',
      ];
      for (const query of wrong) {
        const res = await client.gql(query);
        expect(res.errors?.length, query).to.be.greaterThan(0);
        expect(JSON.stringify(res.errors), query).to.not.match(/Did you mean/i);
      }
    });
  });
});
