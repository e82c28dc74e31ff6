import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';

// Every message exists in both languages: a key missing in English would show up as a raw key.
function localeDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (!e.isDirectory()) return [];
    return e.name === 'locales' ? [p] : localeDirs(p);
  });
}

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('web messages', () => {
  const dirs = localeDirs('web/src');

  it('has message files to check', () => {
    expect(dirs.length).to.be.greaterThan(5);
  });

  for (const dir of dirs) {
    it(`${dir}: zh-CN and en have the same keys, none empty`, () => {
      const zh = JSON.parse(readFileSync(path.join(dir, 'zh-CN.json'), 'utf8'));
      const en = JSON.parse(readFileSync(path.join(dir, 'en.json'), 'utf8'));
      expect(keys(en).sort()).to.deep.equal(keys(zh).sort());
      for (const tree of [zh, en]) {
        for (const k of keys(tree))
          expect(
            k.split('.').reduce((t, p) => t[p], tree),
            k,
          )
            .to.be.a('string')
            .and.not.equal('');
      }
    });
  }
});
