/** Options of `nx g @prism-sessions/tools:connector` (see schema.json). */
export interface ConnectorGeneratorSchema {
  /** Connector name, e.g. `acme` or `acme-pay`. */
  name: string;
  /** Human name; defaults to the PascalCase name. */
  displayName?: string;
}
