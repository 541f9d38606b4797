import * as path from 'node:path';
import {
  generateFiles,
  getProjects,
  joinPathFragments,
  logger,
  names,
  offsetFromRoot,
  readJson,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import type { ConnectorGeneratorSchema } from './schema';

/** Accepted connector names (kept equal to the `pattern` in schema.json; a spec checks that). */
export const CONNECTOR_NAME_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 40;

/** Where connector libraries live. */
export const CONNECTORS_DIR = 'libs/connectors';

/** Every name the templates use, derived once from the `name` option. */
export interface NormalizedConnectorOptions {
  /** Folder and file-name part, kebab-case: `acme-pay`. */
  readonly fileName: string;
  /** Connector id (`ConnectorDefinition.id`, upstream `x-connector`), snake_case: `acme_pay`. */
  readonly id: string;
  /** PascalCase, also the `x-connector-config` key: `AcmePay`. */
  readonly className: string;
  /** camelCase: `acmePay` (→ `acmePayConnector`). */
  readonly propertyName: string;
  /** SCREAMING_SNAKE: `ACME_PAY` (→ `ACME_PAY_BASE_URLS`). */
  readonly constantName: string;
  /** Human name: `AcmePay` unless `displayName` was given. */
  readonly displayName: string;
  /** Nx project name: `connectors-acme-pay`. */
  readonly projectName: string;
  /** `libs/connectors/acme-pay`. */
  readonly projectRoot: string;
  /** `@prism-sessions/connectors-acme-pay`. */
  readonly importPath: string;
}

/**
 * Validates `name` and derives every casing from it.
 *
 * @throws Error for a name that is not lower case letters/digits joined by single `-` or `_`.
 * @example
 * normalizeConnectorOptions({ name: 'acme-pay' }).id; // 'acme_pay'
 */
export function normalizeConnectorOptions(options: ConnectorGeneratorSchema): NormalizedConnectorOptions {
  const raw = typeof options.name === 'string' ? options.name : '';
  if (!CONNECTOR_NAME_PATTERN.test(raw) || raw.length > MAX_NAME_LENGTH) {
    throw new Error(
      `Invalid connector name ${JSON.stringify(raw)}: use lower case letters and digits, starting with a letter, ` +
        `words joined by a single "-" or "_", at most ${MAX_NAME_LENGTH} characters (e.g. "acme" or "acme-pay").`,
    );
  }
  const n = names(raw);
  const fileName = n.fileName;
  const displayName = options.displayName?.trim() || n.className;
  if (/[\r\n'`\\]/.test(displayName)) {
    throw new Error('Invalid displayName: it is written into TypeScript string literals, so it may not contain quotes, backslashes or newlines.');
  }
  return {
    fileName,
    id: fileName.replace(/-/g, '_'),
    className: n.className,
    propertyName: n.propertyName,
    constantName: n.constantName,
    displayName,
    projectName: `connectors-${fileName}`,
    projectRoot: joinPathFragments(CONNECTORS_DIR, fileName),
    importPath: `@prism-sessions/connectors-${fileName}`,
  };
}

/** Where the version of the fixed release group is read from (every publishable library shares it, ADR 0024). */
export const RELEASE_VERSION_SOURCE = 'libs/connector-interfaces/package.json';

/**
 * The versions the generated package.json pins: the release group's current version for the
 * sibling packages (a new connector joins the group at that version) and the workspace's tslib.
 */
export function packageVersions(tree: Tree): { packageVersion: string; tslibVersion: string } {
  const read = <T extends object>(file: string): T | undefined => (tree.exists(file) ? readJson<T>(tree, file) : undefined);
  const packageVersion = read<{ version?: string }>(RELEASE_VERSION_SOURCE)?.version ?? '0.0.0';
  const root = read<{ dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>('package.json');
  const tslibVersion = root?.dependencies?.['tslib'] ?? root?.devDependencies?.['tslib'];
  if (tslibVersion === undefined) throw new Error('tslib is not a dependency in the root package.json: the generated package.json pins its version.');
  return { packageVersion, tslibVersion };
}

interface TsConfigBase {
  compilerOptions?: { paths?: Record<string, string[]> };
}

/** Refuses to touch anything when the library, the project name or one of its aliases already exists. */
function assertFree(tree: Tree, o: NormalizedConnectorOptions): void {
  const clash = (what: string) =>
    new Error(`${what} already exists: the connector generator never overwrites. Remove it first, or pick another name.`);
  if (tree.exists(o.projectRoot)) throw clash(`${o.projectRoot}`);
  if (getProjects(tree).has(o.projectName)) throw clash(`Project "${o.projectName}"`);
  if (tree.exists('tsconfig.base.json')) {
    const paths = readJson<TsConfigBase>(tree, 'tsconfig.base.json').compilerOptions?.paths ?? {};
    for (const alias of [o.importPath, `${o.importPath}/testing`]) {
      if (alias in paths) throw clash(`Path alias "${alias}" in tsconfig.base.json`);
    }
  }
}

/** Adds the two aliases right after the last existing `@prism-sessions/connectors-*` entry (or at the end). */
function addPathAliases(tree: Tree, o: NormalizedConnectorOptions): void {
  const added: Record<string, string[]> = {
    [o.importPath]: [`./${o.projectRoot}/src/index.ts`],
    [`${o.importPath}/testing`]: [`./${o.projectRoot}/src/testing/index.ts`],
  };
  if (!tree.exists('tsconfig.base.json')) tree.write('tsconfig.base.json', JSON.stringify({ compilerOptions: {} }));
  updateJson<TsConfigBase>(tree, 'tsconfig.base.json', (json) => {
    const compilerOptions = (json.compilerOptions ??= {});
    const entries = Object.entries(compilerOptions.paths ?? {});
    let at = entries.length;
    entries.forEach(([alias], index) => {
      if (alias.startsWith('@prism-sessions/connectors-')) at = index + 1;
    });
    entries.splice(at, 0, ...Object.entries(added));
    compilerOptions.paths = Object.fromEntries(entries);
    return json;
  });
}

/**
 * `nx g @prism-sessions/tools:connector <name>`: scaffolds `libs/connectors/<name>` in the connector shape and
 * wires its `@prism-sessions/connectors-<name>` aliases. Refuses, without writing anything, when the library or
 * its aliases already exist.
 */
export async function connectorGenerator(tree: Tree, schema: ConnectorGeneratorSchema): Promise<GeneratorCallback> {
  const o = normalizeConnectorOptions(schema);
  assertFree(tree, o);

  generateFiles(tree, path.join(__dirname, 'files'), o.projectRoot, {
    ...o,
    ...packageVersions(tree),
    offsetFromRoot: offsetFromRoot(o.projectRoot),
    tmpl: '',
  });
  addPathAliases(tree, o);
  // No formatFiles: the workspace has no formatter (formatFiles would only warn), and the templates
  // are written in the repository's style already.

  return () => {
    logger.info(
      [
        `Created ${o.projectRoot} (project ${o.projectName}, import ${o.importPath}).`,
        'Next steps (see tools/nx-plugin/README.md):',
        `  1. Replace the placeholder wire format in src/lib/transformers/session-token.transformer.ts from the gateway docs,`,
        `     then its spec (it fails on purpose until then): npx nx test ${o.projectName}`,
        `  2. Fix base URLs, token lifetime, currencies (${o.fileName}.constants.ts), credentials and error codes.`,
        `  3. Register it: one line in CONNECTORS (libs/connectors/registry/src/index.ts), and add`,
        `     ${o.constantName} to the Connector enum (prisma/schema.prisma + npm run db:create-migration -- add_${o.id}_connector);`,
        `     the API does not compile until the enum has it. Add "${o.importPath}" to the dependencies of`,
        `     libs/connectors/registry/package.json at the same version (npx nx lint connectors-registry says so).`,
        `  4. It is a publishable package (ADR 0024): npx nx build ${o.projectName}; node tools/scripts/consumer-test.js.`,
      ].join('\n'),
    );
  };
}

export default connectorGenerator;
