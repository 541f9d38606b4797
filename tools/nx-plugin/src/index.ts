/** Workspace-local Nx plugin `@prism-sessions/tools`. Generators are run with `npx nx g @prism-sessions/tools:<generator>`. */
export { CONNECTOR_NAME_PATTERN, connectorGenerator, normalizeConnectorOptions } from './generators/connector/generator';
export type { NormalizedConnectorOptions } from './generators/connector/generator';
export type { ConnectorGeneratorSchema } from './generators/connector/schema';
