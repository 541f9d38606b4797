import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { workspaceRoot } from '@nx/devkit';

// Every library that ships as an npm package (ADR 0024) must carry the same package files and
// targets: a library added without them (e.g. a connector generated before the generator wrote
// them) fails here, naming what is missing. The consumer test (tools/scripts/consumer-test.js)
// then proves the built packages work; this spec proves none is left out of it.

interface PackageManifest {
  name?: string;
  version?: string;
  private?: boolean;
  license?: string;
  type?: string;
  main?: string;
  types?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(workspaceRoot, file), 'utf-8')) as T;
const connectorRoots = readdirSync(path.join(workspaceRoot, 'libs/connectors'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(workspaceRoot, 'libs/connectors', entry.name, 'project.json')))
  .map((entry) => `libs/connectors/${entry.name}`);
const PUBLISHABLE_ROOTS = ['libs/masking', 'libs/domain-types', 'libs/connector-interfaces', 'libs/client-auth', ...connectorRoots];
const releaseVersion = readJson<PackageManifest>('libs/connector-interfaces/package.json').version;

// `publishable-libraries.js` is the consumer test's own discovery (plain CommonJS, outside any project).
const { publishableLibraries } = require(path.join(workspaceRoot, 'tools/scripts/publishable-libraries.js')) as {
  publishableLibraries(root: string): { project: string; root: string; packageName: string }[];
};

/** nx.json `release.projects` entries are project names or `*` globs. */
function matchesReleaseProjects(project: string): boolean {
  const patterns = readJson<{ release?: { projects?: string[] } }>('nx.json').release?.projects ?? [];
  return patterns.some((pattern) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(project));
}

function entry(dir: string) {
  return { types: `./src/${dir}index.d.ts`, import: `./src/${dir}index.js`, require: `./src/${dir}index.js`, default: `./src/${dir}index.js` };
}

describe.each(PUBLISHABLE_ROOTS)('publishable library %s', (root) => {
  const project = readJson<{ name: string; targets?: Record<string, { executor?: string; options?: Record<string, unknown> }> }>(`${root}/project.json`);
  const manifestPath = `${root}/package.json`;

  it('has a package.json', () => {
    expect({ root, hasPackageJson: existsSync(path.join(workspaceRoot, manifestPath)) }).toEqual({ root, hasPackageJson: true });
  });

  it('declares name, release-group version, license, module type, files and an exports map (with /testing when the library has one)', () => {
    const manifest = readJson<PackageManifest>(manifestPath);
    const hasTesting = existsSync(path.join(workspaceRoot, root, 'src/testing/index.ts'));
    expect(manifest.name).toBe(`@prism-sessions/${project.name}`);
    expect(manifest.private).toBeUndefined();
    expect(manifest.version).toBe(releaseVersion);
    expect(manifest.license).toBe('UNLICENSED');
    expect(manifest.type).toBe('commonjs');
    expect({ main: manifest.main, types: manifest.types }).toEqual({ main: './src/index.js', types: './src/index.d.ts' });
    expect(manifest.files).toEqual(['src/**/*.js', 'src/**/*.d.ts', 'README.md', 'CHANGELOG.md']);
    expect(manifest.exports).toEqual({ '.': entry(''), ...(hasTesting ? { './testing': entry('testing/') } : {}), './package.json': './package.json' });
    expect(existsSync(path.join(workspaceRoot, root, 'README.md'))).toBe(true);
  });

  it('pins sibling packages at the release-group version and third-party packages exactly', () => {
    const dependencies = readJson<PackageManifest>(manifestPath).dependencies ?? {};
    for (const [name, version] of Object.entries(dependencies)) {
      if (name.startsWith('@prism-sessions/')) expect({ name, version }).toEqual({ name, version: releaseVersion });
      else expect({ name, version }).toEqual({ name, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    }
  });

  it('builds with @nx/js:tsc into dist/<root>, README and CHANGELOG included', () => {
    expect(project.targets?.['build']).toEqual({
      executor: '@nx/js:tsc',
      outputs: ['{options.outputPath}'],
      options: { outputPath: `dist/${root}`, main: `${root}/src/index.ts`, tsConfig: `${root}/tsconfig.lib.json`, assets: [{ input: root, glob: '*.md', output: '.' }] },
    });
  });

  it('lints its package.json with @nx/dependency-checks (the publishableLibrary block)', () => {
    expect(readFileSync(path.join(workspaceRoot, root, 'eslint.config.mjs'), 'utf-8')).toMatch(/\.\.\.publishableLibrary\b/);
  });

  it('is released by nx release and checked by the consumer test', () => {
    expect(matchesReleaseProjects(project.name)).toBe(true);
    expect(publishableLibraries(workspaceRoot).map((lib) => lib.root)).toContain(root);
  });
});

describe('publishable libraries, all together', () => {
  it('are exactly the libraries the consumer test packs (no other library has a public package.json)', () => {
    expect(publishableLibraries(workspaceRoot).map((lib) => lib.root).sort()).toEqual([...PUBLISHABLE_ROOTS].sort());
  });

});
