import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CAPABILITIES } from '../common/roles.js';

// Rules of docs/conventions.md that a type checker cannot see, held by reading the source. Each
// reports the offending lines as path:line, so a failure says exactly what to change.

const ROOT = path.resolve(import.meta.dirname, '..');

/** Source files under a folder (relative to the repository), generated and vendored ones left out. */
function sources(dir: string, test: (file: string) => boolean = (f) => /\.(ts|vue)$/.test(f)) {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .filter((f) => test(f) && !/node_modules|\/dist\/|scripts\/standin\/|graphql-env\.d\.ts$/.test(f));
}

/** Every line of the files that breaks `bad`, as "path:line: text". */
function offending(files: string[], bad: (line: string) => boolean) {
  return files.flatMap((file) =>
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (bad(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const schemaFiles = sources('server/src', (f) => f.endsWith('.schema.ts'));

describe('conventions', () => {
  it('names roles only in common/roles.ts: everything else asks for a capability', () => {
    const files = [...sources('server'), ...sources('web/src'), ...sources('scripts')];
    expect(files.length).to.be.greaterThan(100); // the walk found the tree
    // DEPARTMENT is also a unit kind in public enums (complaint subjects, rankings, attendance
    // groups, bulletin levels), so that word counts as a role only where the line speaks of roles.
    const roleLiteral = (line: string) =>
      /['"`](ADMIN|MANAGER|INSPECTOR)['"`]/.test(line) || (/['"`]DEPARTMENT['"`]/.test(line) && /role/i.test(line));
    expect(offending(files, roleLiteral), 'role literals outside common/roles.ts').to.deep.equal([]);
  });

  it('converts no ids with String() in schema files: ID arguments are strings, ID fields expose ObjectIds', () => {
    const stringCall = (line: string) => /\bString\(/.test(line);
    expect(offending(schemaFiles, stringCall), 'String() in schema files').to.deep.equal([]);
  });

  it('keeps database work out of schema files: models appear only as a dataloader load', () => {
    expect(schemaFiles.length).to.be.greaterThan(20);
    const modelUse = (line: string) =>
      /\b[A-Z]\w*Model\b/.test(line) && !/^\s*import\b/.test(line) && !/\bload: loadByIds\b/.test(line);
    expect(offending(schemaFiles, modelUse), 'model calls in schema files').to.deep.equal([]);
    const mongooseImport = (line: string) => /^import .* from 'mongoose';/.test(line);
    expect(offending(schemaFiles, mongooseImport), 'schema files building queries').to.deep.equal([]);
  });

  it('keeps common/ free of dependencies, so the server and the browser can both load it', () => {
    const files = sources('common');
    expect(files.length).to.be.greaterThan(3);
    const foreignImport = (line: string) => /^\s*import\b/.test(line) && !/from '\.\/[\w-]+\.js';$/.test(line);
    expect(offending(files, foreignImport), 'imports in common/ other than its own files').to.deep.equal([]);
  });

  it('uses every capability of the table somewhere, so the table holds no dead rules', () => {
    const text = [...sources('server'), ...sources('web/src')]
      .map((f) => readFileSync(path.join(ROOT, f), 'utf8'))
      .join('\n');
    const unused = Object.keys(CAPABILITIES).filter((c) => !text.includes(`'${c}'`));
    expect(unused, 'capabilities nothing asks for').to.deep.equal([]);
  });
});
