import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The contract's entry file; it imports the others. */
export const SERVICES_PROTO = 'services.proto';

/** Every .proto file of the contract, relative to {@link protoDirectory}. */
export const PROTO_FILES: readonly string[] = Object.freeze(['services.proto', 'payment.proto', 'payment_methods.proto']);

// Source layout: libs/grpc-contract/src/lib → ../../proto. The API bundle (dist/apps/api/main.js)
// gets the files copied beside it as proto/ (see apps/api/project.json, build.options.assets).
const CANDIDATES = [path.join(__dirname, '..', '..', 'proto'), path.join(__dirname, 'proto')];

/**
 * The directory holding the contract's .proto files, in the source tree or beside the API bundle.
 * @throws Error when neither location has them (a build that forgot to copy the assets).
 */
export function protoDirectory(): string {
  const found = CANDIDATES.find((dir) => existsSync(path.join(dir, SERVICES_PROTO)));
  if (found === undefined) throw new Error(`gRPC contract: ${SERVICES_PROTO} not found in ${CANDIDATES.join(' or ')}`);
  return found;
}
