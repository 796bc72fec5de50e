import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the repository root: npx graphql-codegen --config examples/typed-client/codegen.ts
// Paths are resolved from this file, so the working directory does not matter.
const here = path.dirname(fileURLToPath(import.meta.url));

const config: CodegenConfig = {
  // The committed schema (kept equal to the code by `npm run schema:print` and its test).
  schema: path.join(here, '../../schema.graphql'),
  // Operations are written with the generated graphql() function in these files.
  documents: [path.join(here, 'src/**/*.ts'), `!${path.join(here, 'src/gql/**')}`],
  ignoreNoDocuments: false,
  generates: {
    // Generated, not committed (see .gitignore).
    [`${path.join(here, 'src/gql')}/`]: {
      preset: 'client',
      presetConfig: {
        // Fragment fields appear directly in the operation's result type.
        fragmentMasking: false,
      },
      config: {
        // Documents are plain strings (a TypedDocumentString): no GraphQL runtime in the client.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
