import * as path from 'node:path';
import * as protobuf from 'protobufjs';
import { protoDirectory, SERVICES_PROTO } from './proto-files';

/** One field as the wire sees it. */
export interface FieldSnapshot {
  readonly number: number;
  /** The scalar type (`int64`, `string`, …) or the fully qualified message/enum name. */
  readonly type: string;
  /** `optional` (proto3 presence), `repeated`, or `singular`. */
  readonly label: 'optional' | 'repeated' | 'singular';
  /** The (real) oneof the field belongs to. */
  readonly oneof?: string;
}

/** Names, numbers and types of everything in the contract: what a breaking change would alter. */
export interface ContractSnapshot {
  readonly messages: Record<string, Record<string, FieldSnapshot>>;
  readonly enums: Record<string, Record<string, number>>;
  readonly services: Record<string, Record<string, { readonly path: string; readonly request: string; readonly response: string }>>;
}

function labelOf(field: protobuf.Field): FieldSnapshot['label'] {
  if (field.repeated) return 'repeated';
  return field.options?.['proto3_optional'] === true ? 'optional' : 'singular';
}

function walk(namespace: protobuf.NamespaceBase, snapshot: ContractSnapshot): void {
  for (const nested of namespace.nestedArray) {
    const name = nested.fullName.replace(/^\./, '');
    if (nested instanceof protobuf.Type) {
      snapshot.messages[name] = Object.fromEntries(
        nested.fieldsArray.map((field) => {
          const oneof = field.partOf && !(field.options?.['proto3_optional'] === true) ? field.partOf.name : undefined;
          const type = field.resolvedType ? field.resolvedType.fullName.replace(/^\./, '') : field.type;
          return [field.name, { number: field.id, type, label: labelOf(field), ...(oneof ? { oneof } : {}) }];
        }),
      );
    } else if (nested instanceof protobuf.Enum) {
      snapshot.enums[name] = { ...nested.values };
    } else if (nested instanceof protobuf.Service) {
      snapshot.services[name] = Object.fromEntries(
        nested.methodsArray.map((method) => [method.name, { path: `/${name}/${method.name}`, request: method.resolvedRequestType?.fullName.replace(/^\./, '') ?? method.requestType, response: method.resolvedResponseType?.fullName.replace(/^\./, '') ?? method.responseType }]),
      );
    }
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) walk(nested, snapshot);
  }
}

/**
 * Loads the .proto files in `dir` (default: the contract's) and extracts a stable, JSON-comparable
 * snapshot: every message field's number, type, label (proto3 `optional` included) and oneof, every
 * enum value's number, every RPC's path and types.
 */
export function contractSnapshot(dir: string = protoDirectory()): ContractSnapshot {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(dir, path.basename(target));
  root.loadSync(SERVICES_PROTO, { keepCase: true }).resolveAll();
  const snapshot: ContractSnapshot = { messages: {}, enums: {}, services: {} };
  walk(root, snapshot);
  return snapshot;
}
