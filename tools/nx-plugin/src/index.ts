/** Workspace-local Nx plugin `@org/tools`. Generators are run with `npx nx g @org/tools:<generator>`. */
export { CONNECTOR_NAME_PATTERN, connectorGenerator, normalizeConnectorOptions } from './generators/connector/generator';
export type { NormalizedConnectorOptions } from './generators/connector/generator';
export type { ConnectorGeneratorSchema } from './generators/connector/schema';
