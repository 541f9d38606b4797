import * as protoLoader from '@grpc/proto-loader';
import { protoDirectory, SERVICES_PROTO } from './proto-files';

/** Fully qualified name of the served service. */
export const SERVICE_NAME = 'types.MerchantAuthenticationService';

/**
 * How messages are decoded: proto field names as written (snake_case, as grpcurl and proto3 JSON
 * `preserving_proto_field_name` print them), int64 as decimal strings (no precision loss), enums by
 * name, unset fields absent (so `optional` presence survives), and the set oneof member named.
 */
export const LOADER_OPTIONS: protoLoader.Options = Object.freeze({ keepCase: true, longs: String, enums: String, defaults: false, oneofs: true });

/** Loads the contract (package `types`) from its .proto files. */
export function loadGrpcContract(): protoLoader.PackageDefinition {
  const dir = protoDirectory();
  return protoLoader.loadSync(SERVICES_PROTO, { ...LOADER_OPTIONS, includeDirs: [dir] });
}
