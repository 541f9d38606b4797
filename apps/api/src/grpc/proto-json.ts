import type * as grpc from '@grpc/grpc-js';
import type { CreateSessionTokenRequestMessage } from '@prism-sessions/grpc-contract';
import { InvalidInputError } from '../errors/app-errors';

const INT64 = /^-?\d{1,40}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// proto3 JSON accepts each field by its lowerCamelCase JSON name or its proto name; the loader
// (keepCase) knows only the proto names.
function protoNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(protoNames);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), protoNames(inner)]));
}

/**
 * Reads a proto3-JSON body (`SecretString` as `{ "value": … }`, int64 as number or string, enums by
 * name) into the request message, through the contract's own serializer so it decodes exactly as a
 * gRPC call would.
 * @throws InvalidInputError naming `body` (or the int64 field) when the body does not fit the message.
 */
export function fromProto3Json(body: unknown, method: grpc.MethodDefinition<CreateSessionTokenRequestMessage, unknown>): CreateSessionTokenRequestMessage {
  if (!isRecord(body)) throw new InvalidInputError('INVALID_REQUEST_BODY', 'body', 'The body must be a JSON object (proto3 JSON of the request message)');
  const message = protoNames(body) as Record<string, unknown>;
  const amount = message['amount'];
  const minor = isRecord(amount) ? amount['minor_amount'] : undefined;
  if (minor !== undefined && !(typeof minor === 'number' ? Number.isSafeInteger(minor) : typeof minor === 'string' && INT64.test(minor))) {
    throw new InvalidInputError('INVALID_INT64', 'amount.minor_amount', 'amount.minor_amount must be an integer (a JSON number or a decimal string)');
  }
  try {
    return method.requestDeserialize(method.requestSerialize(message as CreateSessionTokenRequestMessage));
  } catch {
    // protobufjs names the message type only, never the value.
    throw new InvalidInputError('INVALID_REQUEST_BODY', 'body', 'The body does not match MerchantAuthenticationServiceCreateSessionTokenRequest');
  }
}
