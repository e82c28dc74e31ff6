import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);

// The linter and the formatter hold for the whole tree, like the type checks.
describe('lint', function () {
  this.timeout(300_000);

  for (const [name, args] of [
    ['ESLint (typescript-eslint, eslint-plugin-vue)', ['eslint', '--max-warnings=0', '.']],
    ['Prettier', ['prettier', '--check', '--log-level=warn', '.']],
  ] as const) {
    it(`passes ${name}`, async () => {
      const result = await run('npx', [...args], { maxBuffer: 10 * 1024 * 1024 }).then(
        () => '',
        (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}` || 'failed',
      );
      expect(result, result).to.equal('');
    });
  }
});
