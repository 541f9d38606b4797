import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { workspaceRoot } from '@nx/devkit';

// `npx nx g @prism-sessions/tools:connector` resolves the plugin the way Nx resolves any workspace-local plugin:
// `@prism-sessions/tools` is not in node_modules, so Nx looks the name up in tsconfig.base.json `paths`, finds the
// project that owns that file (tools/nx-plugin), reads its package.json `generators` and loads the
// factory through its TypeScript transpiler. These checks keep every link of that chain in place.
const pluginRoot = path.join(workspaceRoot, 'tools/nx-plugin');
const readJsonFile = (file: string) => JSON.parse(readFileSync(file, 'utf-8'));

describe('@prism-sessions/tools wiring', () => {
  it('is mapped in tsconfig.base.json to a file inside the plugin project', () => {
    const target: string[] = readJsonFile(path.join(workspaceRoot, 'tsconfig.base.json')).compilerOptions.paths['@prism-sessions/tools'];
    expect(target).toEqual(['./tools/nx-plugin/src/index.ts']);
    expect(existsSync(path.join(workspaceRoot, target[0] as string))).toBe(true);
    expect(existsSync(path.join(pluginRoot, 'project.json'))).toBe(true);
  });

  it('is not installed under node_modules (that copy would win over the source)', () => {
    expect(existsSync(path.join(workspaceRoot, 'node_modules/@prism-sessions/tools'))).toBe(false);
  });

  it('declares the connector generator with a factory and a schema that exist', () => {
    const pkg = readJsonFile(path.join(pluginRoot, 'package.json'));
    expect(pkg.name).toBe('@prism-sessions/tools');
    const generators = readJsonFile(path.join(pluginRoot, pkg.generators));
    const connector = generators.generators.connector;
    expect(existsSync(path.join(pluginRoot, `${connector.factory}.ts`))).toBe(true);
    expect(existsSync(path.join(pluginRoot, connector.schema))).toBe(true);
  });

  it('exports the generator as the factory default', async () => {
    const generators = readJsonFile(path.join(pluginRoot, 'generators.json'));
    const factory = await import(path.join(pluginRoot, generators.generators.connector.factory));
    expect(typeof factory.default).toBe('function');
  });
});
