// `npm run schema`: prints the SDL to schema.graphql (committed; a test fails when it is stale)
// and regenerates the web's typed GraphQL introspection from it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../server/src/graphql/schema.js';

const root = path.resolve(import.meta.dirname, '..');
export const sdl = () => `${printSchema(schema)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(path.join(root, 'schema.graphql'), sdl());
  execFileSync('npx', ['gql.tada', 'generate', 'output'], { cwd: path.join(root, 'web'), stdio: 'inherit' });
  console.log('schema.graphql and web/src/graphql/graphql-env.d.ts are up to date');
}
