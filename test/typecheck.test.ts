import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);

// Type errors fail the test run, in the server as well as in the web's Vue files.
describe('type check', function () {
  this.timeout(300_000);

  for (const [name, cmd, args] of [
    ['server, scripts and tests (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json']],
    ['web (vue-tsc)', 'npx', ['vue-tsc', '-p', 'web/tsconfig.json']],
  ] as const) {
    it(`passes for the ${name}`, async () => {
      const result = await run(cmd, [...args], { maxBuffer: 10 * 1024 * 1024 }).then(
        () => '',
        (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}` || 'failed',
      );
      expect(result, result).to.equal('');
    });
  }
});
