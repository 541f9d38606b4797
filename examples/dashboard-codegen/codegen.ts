import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A merchant dashboard's typed client, generated from the API's committed contract. Outside this
 * repository, point `schema` at your copy of schema.graphql (or at the running API's /graphql in
 * development, where introspection is on).
 */
const config: CodegenConfig = {
  schema: '../../apps/api/schema.graphql',
  documents: 'src/**/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Int64: minor units, a decimal string in answers (a string or a JSON number in variables). DateTimeISO: ISO-8601 text.
        scalars: { Int64: { input: 'string | number', output: 'string' }, DateTimeISO: 'string', DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        strictScalars: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
