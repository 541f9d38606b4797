export { PROTO_FILES, SERVICES_PROTO, protoDirectory } from './lib/proto-files';
export { LOADER_OPTIONS, SERVICE_NAME, loadGrpcContract } from './lib/load-contract';
export type * from './lib/messages';
