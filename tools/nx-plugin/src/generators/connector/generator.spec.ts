import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { addProjectConfiguration, readJson, readProjectConfiguration, workspaceRoot, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as ts from 'typescript';
import { CONNECTOR_NAME_PATTERN, connectorGenerator, normalizeConnectorOptions } from './generator';

const ROOT_ESLINT = [
  "const ioFreeLibDirs = ['libs/masking', 'libs/connectors/nuvei'];",
  'export default [{ ignores: ["dist"] }];',
  '',
].join('\n');

const EXPECTED_FILES = [
  'README.md',
  'eslint.config.mjs',
  'jest.config.js',
  'package.json',
  'project.json',
  'src/index.ts',
  'src/lib/acme.conformance.spec.ts',
  'src/lib/acme.connector.ts',
  'src/lib/acme.constants.ts',
  'src/lib/acme.credentials.ts',
  'src/lib/acme.errors.ts',
  'src/lib/transformers/session-token.transformer.spec.ts',
  'src/lib/transformers/session-token.transformer.ts',
  'src/testing/acme.conformance-fixtures.ts',
  'src/testing/acme.fake-gateway.spec.ts',
  'src/testing/acme.fake-gateway.ts',
  'src/testing/index.ts',
  'tsconfig.json',
  'tsconfig.lib.json',
  'tsconfig.spec.json',
];

const workspaceFile = (file: string) => readFileSync(path.join(workspaceRoot, file), 'utf-8');

function newTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('eslint.config.mjs', ROOT_ESLINT);
  // The generated package.json takes its versions from these two (the release group's and tslib's).
  tree.write('package.json', workspaceFile('package.json'));
  tree.write('libs/connector-interfaces/package.json', workspaceFile('libs/connector-interfaces/package.json'));
  tree.write(
    'tsconfig.base.json',
    JSON.stringify({
      compilerOptions: {
        paths: {
          '@prism-sessions/masking': ['./libs/masking/src/index.ts'],
          '@prism-sessions/connectors-nuvei': ['./libs/connectors/nuvei/src/index.ts'],
          '@prism-sessions/connectors-nuvei/testing': ['./libs/connectors/nuvei/src/testing/index.ts'],
          '@prism-sessions/platform-database': ['./libs/platform/database/src/index.ts'],
        },
      },
    }),
  );
  return tree;
}

function filesUnder(tree: Tree, dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const child of tree.children(current)) {
      const full = `${current}/${child}`;
      if (tree.isFile(full)) out.push(full.slice(dir.length + 1));
      else walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Every file's content, so a refused run can be shown to have changed nothing. */
function snapshot(tree: Tree): Map<string, string> {
  return new Map(filesUnder(tree, '.').map((file) => [file, tree.read(file, 'utf-8') ?? '']));
}

const read = (tree: Tree, file: string) => tree.read(file, 'utf-8') ?? '';
const paths = (tree: Tree) => readJson<{ compilerOptions: { paths: Record<string, string[]> } }>(tree, 'tsconfig.base.json').compilerOptions.paths;

describe('connector generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = newTree();
  });

  it('creates exactly the connector-shaped file list, with every template substituted', async () => {
    await connectorGenerator(tree, { name: 'acme' });
    expect(filesUnder(tree, 'libs/connectors/acme')).toEqual(EXPECTED_FILES);
    for (const file of EXPECTED_FILES) {
      const text = read(tree, `libs/connectors/acme/${file}`);
      expect(text).not.toMatch(/<%|%>|__tmpl__|__fileName__/);
    }
  });

  it('emits syntactically valid TypeScript (the real type check is the scratch `tsc` run in the README)', async () => {
    await connectorGenerator(tree, { name: 'acme-pay' });
    for (const file of filesUnder(tree, 'libs/connectors/acme-pay').filter((f) => f.endsWith('.ts'))) {
      const output = ts.transpileModule(read(tree, `libs/connectors/acme-pay/${file}`), {
        fileName: file,
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      expect({ file, diagnostics: (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) }).toEqual({ file, diagnostics: [] });
    }
  });

  it('registers project connectors-<name> with the connector tags and the same targets as connectors-nuvei', async () => {
    await connectorGenerator(tree, { name: 'acme' });
    const project = readProjectConfiguration(tree, 'connectors-acme');
    expect(project.root).toBe('libs/connectors/acme');
    expect(project.sourceRoot).toBe('libs/connectors/acme/src');
    expect(project.projectType).toBe('library');
    expect(project.tags).toEqual(['scope:payments', 'type:connector']);

    const nuvei = JSON.parse(workspaceFile('libs/connectors/nuvei/project.json').replace(/nuvei/g, 'acme'));
    expect(readJson(tree, 'libs/connectors/acme/project.json')).toEqual(nuvei);
  });

  it('writes a publishable package.json in the shape of connectors-nuvei, at the release group version', async () => {
    await connectorGenerator(tree, { name: 'acme-pay', displayName: 'AcmePay' });
    const nuvei = JSON.parse(workspaceFile('libs/connectors/nuvei/package.json'));
    const generated = readJson(tree, 'libs/connectors/acme-pay/package.json');
    const shape = (manifest: Record<string, unknown>) => ({ ...manifest, name: undefined, description: undefined, keywords: undefined, dependencies: undefined });
    expect(shape(generated)).toEqual(shape(nuvei));
    expect(generated.name).toBe('@prism-sessions/connectors-acme-pay');
    expect(generated.description).toBe('AcmePay connector, I/O-free; /testing: an in-process fake AcmePay gateway.');
    // What the templates import (the connector contract, domain types, masking; tslib for importHelpers), pinned like Nuvei pins them.
    const pins = (names: string[]) => Object.fromEntries(names.map((name) => [name, nuvei.dependencies[name]]));
    expect(generated.dependencies).toEqual(pins(['@prism-sessions/connector-interfaces', '@prism-sessions/domain-types', '@prism-sessions/masking', 'tslib']));
    expect(generated.version).toBe(JSON.parse(workspaceFile('libs/connector-interfaces/package.json')).version);
  });

  it('refuses to guess the tslib version when the root package.json has none', async () => {
    tree.write('package.json', JSON.stringify({ name: 'ws', dependencies: {} }));
    await expect(connectorGenerator(tree, { name: 'acme' })).rejects.toThrow('tslib is not a dependency in the root package.json');
  });

  it.each(['tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json'])('copies %s from connectors-nuvei', async (file) => {
    await connectorGenerator(tree, { name: 'acme' });
    const nuvei = JSON.parse(readFileSync(path.join(workspaceRoot, 'libs/connectors/nuvei', file), 'utf-8'));
    expect(readJson(tree, `libs/connectors/acme/${file}`)).toEqual(nuvei);
  });

  it.each(['eslint.config.mjs', 'jest.config.js'])('copies %s from connectors-nuvei (names swapped)', async (file) => {
    await connectorGenerator(tree, { name: 'acme' });
    const nuvei = readFileSync(path.join(workspaceRoot, 'libs/connectors/nuvei', file), 'utf-8');
    expect(read(tree, `libs/connectors/acme/${file}`)).toBe(nuvei.replace(/nuvei/g, 'acme'));
  });

  it('derives every casing from a multi-word name, the same for "acme-pay" and "acme_pay"', async () => {
    await connectorGenerator(tree, { name: 'acme_pay' });
    const root = 'libs/connectors/acme-pay';
    expect(readProjectConfiguration(tree, 'connectors-acme-pay').root).toBe(root);
    const connector = read(tree, `${root}/src/lib/acme-pay.connector.ts`);
    expect(connector).toContain("export function createAcmePayConnector(options: ConnectorOptions = {}): ConnectorDefinition<AcmePayCredentials, 'acme_pay'>");
    expect(connector).toContain('export const acmePayConnector: ConnectorDefinition<AcmePayCredentials, \'acme_pay\'> = createAcmePayConnector();');
    expect(connector).toContain("displayName: 'AcmePay'");
    expect(read(tree, `${root}/src/lib/acme-pay.constants.ts`)).toContain("export const ACME_PAY_CONNECTOR_ID = 'acme_pay';");
    expect(read(tree, `${root}/src/lib/acme-pay.credentials.ts`)).toContain("defineCredentialSchema(\n  'AcmePay',");
    expect(read(tree, `${root}/src/lib/acme-pay.errors.ts`)).toMatch(/export function parseAcmePayErrorResponse\(/);
    expect(read(tree, `${root}/src/lib/acme-pay.errors.ts`)).toMatch(/export function describeAcmePayErrorCode\(/);
    expect(read(tree, `${root}/src/lib/acme-pay.conformance.spec.ts`)).toContain('describeConnectorConformance(acmePayConnector, acmePayConformanceFixtures);');
    expect(read(tree, `${root}/jest.config.js`)).toContain("displayName: 'connectors-acme-pay'");

    const kebab = newTree();
    await connectorGenerator(kebab, { name: 'acme-pay' });
    for (const file of filesUnder(tree, root)) expect(read(kebab, `${root}/${file}`)).toBe(read(tree, `${root}/${file}`));
  });

  it('exports only the connector, its factory and its credentials type', async () => {
    await connectorGenerator(tree, { name: 'acme' });
    const exported = read(tree, 'libs/connectors/acme/src/index.ts')
      .split('\n')
      .filter((line) => line.startsWith('export'));
    expect(exported).toEqual([
      "export { createAcmeConnector, acmeConnector } from './lib/acme.connector';",
      "export type { AcmeCredentials } from './lib/acme.credentials';",
    ]);
  });

  it('uses displayName for humans but keeps the PascalCase config key', async () => {
    await connectorGenerator(tree, { name: 'payu', displayName: 'PayU' });
    expect(read(tree, 'libs/connectors/payu/src/lib/payu.connector.ts')).toContain("displayName: 'PayU'");
    expect(read(tree, 'libs/connectors/payu/src/lib/payu.credentials.ts')).toContain("'Payu',");
  });

  it('writes a placeholder transformer spec that fails with a clear TODO', async () => {
    await connectorGenerator(tree, { name: 'acme' });
    expect(read(tree, 'libs/connectors/acme/src/lib/transformers/session-token.transformer.spec.ts')).toContain(
      "throw new Error('TODO: write the Acme session-token request/response mapping from the gateway docs');",
    );
  });

  it('adds both path aliases after the other connectors, keeping every existing alias', async () => {
    const before = paths(tree);
    await connectorGenerator(tree, { name: 'acme' });
    const after = paths(tree);
    expect(after['@prism-sessions/connectors-acme']).toEqual(['./libs/connectors/acme/src/index.ts']);
    expect(after['@prism-sessions/connectors-acme/testing']).toEqual(['./libs/connectors/acme/src/testing/index.ts']);
    for (const target of [...(after['@prism-sessions/connectors-acme'] ?? []), ...(after['@prism-sessions/connectors-acme/testing'] ?? [])]) expect(tree.exists(target)).toBe(true);
    expect(Object.keys(after)).toEqual([
      '@prism-sessions/masking',
      '@prism-sessions/connectors-nuvei',
      '@prism-sessions/connectors-nuvei/testing',
      '@prism-sessions/connectors-acme',
      '@prism-sessions/connectors-acme/testing',
      '@prism-sessions/platform-database',
    ]);
    for (const [alias, target] of Object.entries(before)) expect(after[alias]).toEqual(target);
  });

  it('leaves eslint.config.mjs alone: its ioFreeLibDirs glob (libs/connectors/*) already covers a new connector', async () => {
    const before = read(tree, 'eslint.config.mjs');
    await connectorGenerator(tree, { name: 'acme' });
    expect(read(tree, 'eslint.config.mjs')).toBe(before);
  });

  it('refuses a second run for the same name and changes nothing', async () => {
    await connectorGenerator(tree, { name: 'acme' });
    const before = snapshot(tree);
    await expect(connectorGenerator(tree, { name: 'acme' })).rejects.toThrow('libs/connectors/acme already exists');
    expect(snapshot(tree)).toEqual(before);
  });

  it('refuses when the project name or an alias is already taken elsewhere', async () => {
    addProjectConfiguration(tree, 'connectors-acme', { root: 'libs/elsewhere/acme' });
    await expect(connectorGenerator(tree, { name: 'acme' })).rejects.toThrow('Project "connectors-acme" already exists');

    const aliased = newTree();
    aliased.write(
      'tsconfig.base.json',
      JSON.stringify({ compilerOptions: { paths: { '@prism-sessions/connectors-acme/testing': ['./somewhere/index.ts'] } } }),
    );
    await expect(connectorGenerator(aliased, { name: 'acme' })).rejects.toThrow('Path alias "@prism-sessions/connectors-acme/testing"');
    expect(aliased.exists('libs/connectors/acme')).toBe(false);
  });

  it.each(['', 'Acme', 'ACME', '1acme', 'acme pay', 'acme--pay', 'acme__pay', '-acme', 'acme-', 'acme.pay', '../evil', 'libs/acme', 'a'.repeat(41)])(
    'refuses the invalid name %j without writing anything',
    async (name) => {
      const before = snapshot(tree);
      await expect(connectorGenerator(tree, { name })).rejects.toThrow('Invalid connector name');
      expect(tree.listChanges().filter((change) => change.path.startsWith('libs/connectors/'))).toEqual([]);
      expect(snapshot(tree)).toEqual(before);
    },
  );

  it('refuses a displayName that would break a string literal', () => {
    expect(() => normalizeConnectorOptions({ name: 'acme', displayName: "Acme's" })).toThrow('Invalid displayName');
  });

  it('accepts the names the schema accepts (the two patterns are the same)', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'schema.json'), 'utf-8'));
    expect(schema.properties.name.pattern).toBe(CONNECTOR_NAME_PATTERN.source);
    for (const name of ['acme', 'acme-pay', 'acme_pay', 'pay2go', 'a1-b2']) expect(() => normalizeConnectorOptions({ name })).not.toThrow();
  });
});
