'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {object} PublishableLibrary
 * @property {string} project - Nx project name (project.json `name`).
 * @property {string} root - Project root relative to the workspace, e.g. `libs/connectors/paytm`.
 * @property {string} packageName - npm name, e.g. `@prism-sessions/connectors-paytm`.
 * @property {string} version - The version in the project's package.json.
 * @property {string} distDir - Absolute path of the built package (`dist/<root>`).
 */

function projectDirs(dir, depth) {
  if (depth < 0 || !fs.existsSync(dir)) return [];
  const here = fs.existsSync(path.join(dir, 'project.json')) ? [dir] : [];
  const children = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'src')
    .flatMap((entry) => projectDirs(path.join(dir, entry.name), depth - 1));
  return [...here, ...children];
}

/**
 * Every publishable library in the workspace (ADR 0024): a project under `libs/` whose own
 * package.json is not `private`. Sorted by project name.
 *
 * @param {string} workspaceRoot
 * @returns {PublishableLibrary[]}
 */
function publishableLibraries(workspaceRoot) {
  return projectDirs(path.join(workspaceRoot, 'libs'), 3)
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')), project: JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.private !== true)
    .map(({ dir, pkg, project }) => {
      const root = path.relative(workspaceRoot, dir).split(path.sep).join('/');
      return { project: project.name, root, packageName: pkg.name, version: pkg.version, distDir: path.join(workspaceRoot, 'dist', root) };
    })
    .sort((a, b) => a.project.localeCompare(b.project));
}

module.exports = { publishableLibraries };
