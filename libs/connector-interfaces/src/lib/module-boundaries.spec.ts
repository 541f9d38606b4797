import * as path from 'node:path';
import * as vm from 'node:vm';
import type { readCachedProjectGraph as ReadCachedProjectGraph } from '@nx/devkit';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import type { createRequire as CreateRequire } from 'node:module';

/**
 * Proves, with the workspace's real flat config (`eslint.config.mjs`) and the real Nx project graph,
 * that the architecture's import rules are enforced by lint.
 *
 * Why ESLint is loaded through Node's own loader instead of a plain `require('eslint')`:
 * ESLint loads `eslint.config.mjs` with a dynamic `import()`. Jest runs every module (ESLint included)
 * inside its own `vm` sandbox whose dynamic-import hook throws
 * "A dynamic import callback was invoked without --experimental-vm-modules". Running the whole project
 * with that flag would switch every spec to Jest's experimental ESM mode, so instead this spec obtains a
 * genuine Node `require` (via `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`, Node ≥ 20.12) and calls
 * `require('eslint')` with it. ESLint, the config and `@nx/eslint-plugin` then run exactly as under
 * `nx lint` (Node prints one ExperimentalWarning for that vm constant).
 *
 * `@nx/enforce-module-boundaries` reads the *cached* project graph (`.nx/workspace-data`); when it is
 * missing or was computed with errors, the rule silently skips itself. `nx test` computes the graph
 * before running jest; `beforeAll` below fails loudly instead of letting the rule be skipped.
 */
const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const BOUNDARIES = '@nx/enforce-module-boundaries';

let eslint: ESLintClass;
let npmNodes: ReadonlySet<string>;

async function nativeRequire(): Promise<NodeJS.Require> {
  const script = new vm.Script('(specifier) => import(specifier)', { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const nativeImport = script.runInThisContext() as (specifier: string) => Promise<{ createRequire: typeof CreateRequire }>;
  const { createRequire } = await nativeImport('node:module');
  return createRequire(path.join(WORKSPACE_ROOT, 'package.json'));
}

beforeAll(async () => {
  const load = await nativeRequire();
  const { readCachedProjectGraph } = load('@nx/devkit') as { readCachedProjectGraph: typeof ReadCachedProjectGraph };
  try {
    npmNodes = new Set(Object.keys(readCachedProjectGraph().externalNodes ?? {}));
  } catch {
    throw new Error(
      'No usable cached Nx project graph under .nx/workspace-data (missing, or the last computation recorded errors). ' +
        '@nx/enforce-module-boundaries skips itself in that case, in this spec and in every `nx lint`. ' +
        'Run through `npx nx test connector-interfaces`; if that fails too, `npx nx show projects` prints the graph error.',
    );
  }
  const { ESLint } = load('eslint') as { ESLint: typeof ESLintClass };
  eslint = new ESLint({ cwd: WORKSPACE_ROOT });
}, 60_000);

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(WORKSPACE_ROOT, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages;
}

/**
 * `bannedExternalImports` can only ban an npm import that resolves to an `npm:` node of the graph.
 * Without lockfile analysis (nx.json `pluginsConfig["@nx/js"].analyzeLockfile: false`) there are none,
 * and every ban is silently inert; say so instead of failing with a bare "undefined".
 */
function requireNpmNode(name: string): void {
  if (!npmNodes.has(`npm:${name}`)) {
    throw new Error(
      `The Nx project graph has no "npm:${name}" node (${npmNodes.size} npm nodes in total), so ` +
        '@nx/enforce-module-boundaries cannot apply bannedExternalImports to it. Check that nx.json does not set ' +
        'pluginsConfig["@nx/js"].analyzeLockfile to false and that package-lock.json lists the package.',
    );
  }
}

const importing = (specifier: string, name = 'imported') => `import * as ${name} from '${specifier}';\nexport const used = ${name};\n`;
const rules = (messages: Linter.LintMessage[]) => messages.map((message) => message.ruleId);

const CONNECTOR_FILE = 'libs/connectors/nuvei/src/lib/x.ts';

describe('module boundaries (real eslint.config.mjs + Nx project graph)', () => {
  it('reports a connector importing another connector', async () => {
    const messages = await lint(CONNECTOR_FILE, importing('@prism-sessions/connectors-paytm'));
    expect(rules(messages)).toContain(BOUNDARIES);
    expect(messages.find((m) => m.ruleId === BOUNDARIES)?.message).toBe(
      'A project tagged with "type:connector" can only depend on libs tagged with "type:util", "type:domain", "type:contract"',
    );
  }, 60_000);

  it('reports masking (type:util) importing @prism-sessions/domain-types', async () => {
    const messages = await lint('libs/masking/src/lib/x.ts', importing('@prism-sessions/domain-types'));
    expect(rules(messages)).toContain(BOUNDARIES);
    // domain-types already depends on masking, so Nx reports the cycle before the tag constraint.
    expect(messages.find((m) => m.ruleId === BOUNDARIES)?.message).toMatch(/Circular dependency between "masking" and "domain-types"|type:util/);
  }, 60_000);

  it('reports domain-types importing @prisma/client', async () => {
    requireNpmNode('@prisma/client');
    const messages = await lint('libs/domain-types/src/lib/x.ts', importing('@prisma/client'));
    expect(messages.find((m) => m.ruleId === BOUNDARIES)?.message).toBe('A project tagged with "type:domain" is not allowed to import "@prisma/client"');
  }, 60_000);

  it('reports a connector importing a banned npm package (pg): bannedExternalImports works for npm packages', async () => {
    requireNpmNode('pg');
    const messages = await lint(CONNECTOR_FILE, importing('pg'));
    expect(messages.find((m) => m.ruleId === BOUNDARIES)?.message).toBe('A project tagged with "type:connector" is not allowed to import "pg"');
  }, 60_000);

  // @nx/enforce-module-boundaries only checks bans for imports that resolve to a project-graph node;
  // Node built-ins resolve to none, so the root config bans them with no-restricted-imports instead.
  it.each(['node:http', 'http', 'node:https', 'node:net'])('a connector importing the Node built-in %s is reported', async (specifier) => {
    const messages = await lint(CONNECTOR_FILE, importing(specifier));
    expect(rules(messages).some((rule) => rule === BOUNDARIES || rule === 'no-restricted-imports' || rule === '@typescript-eslint/no-restricted-imports')).toBe(true);
  }, 60_000);

  it('reports application code importing a /testing entry point (no-restricted-imports)', async () => {
    const messages = await lint('apps/api/src/x.ts', importing('@prism-sessions/connectors-nuvei/testing'));
    expect(rules(messages)).toContain('no-restricted-imports');
    expect(messages.find((m) => m.ruleId === 'no-restricted-imports')?.message).toContain("'@prism-sessions/connectors-nuvei/testing' import is restricted");
  }, 60_000);

  it('lets specs import /testing entry points', async () => {
    const messages = await lint('apps/api/src/x.spec.ts', importing('@prism-sessions/connectors-nuvei/testing'));
    expect(rules(messages)).not.toContain('no-restricted-imports');
  }, 60_000);

  it.each([
    [CONNECTOR_FILE, '@prism-sessions/domain-types'],
    [CONNECTOR_FILE, '@prism-sessions/connector-interfaces'],
    [CONNECTOR_FILE, '@prism-sessions/masking'],
    ['libs/connector-interfaces/src/lib/x.ts', '@prism-sessions/domain-types'],
    ['libs/domain-types/src/lib/x.ts', '@prism-sessions/masking'],
    ['libs/domain-types/src/lib/x.ts', 'zod'],
    ['apps/api/src/x.ts', '@prism-sessions/connectors-nuvei'],
  ])('allows %s to import %s (no lint message at all)', async (file, specifier) => {
    expect(await lint(file, importing(specifier))).toEqual([]);
  }, 60_000);
});
