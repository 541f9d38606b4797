import { Extensions } from 'type-graphql';
import type { GraphQLField, GraphQLObjectType } from 'graphql';

const CLIENT_FACING = 'clientFacing';
const CALLS_GATEWAY = 'callsGateway';

/**
 * Marks a Query or Mutation field as one a PUBLISHABLE key (`pk_…`) may call. Every unmarked root
 * field answers FORBIDDEN to a publishable key: the allow-list is opt-in, so a new operation is
 * secret-key only until someone marks it.
 */
export function ClientFacing(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Extensions({ [CLIENT_FACING]: true });
}

/** Marks a root field that calls a gateway: each selection of it takes one token from the merchant's rate-limit bucket. */
export function CallsGateway(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Extensions({ [CALLS_GATEWAY]: true });
}

type AnyField = GraphQLField<unknown, unknown>;

/** Whether a root field is on the publishable-key allow-list. `__typename` is always allowed. */
export function isClientFacing(type: GraphQLObjectType, fieldName: string): boolean {
  if (fieldName === '__typename') return true;
  const field: AnyField | undefined = type.getFields()[fieldName];
  return field?.extensions?.[CLIENT_FACING] === true;
}

/** Whether a root field calls a gateway (and so is rate limited). */
export function callsGateway(type: GraphQLObjectType, fieldName: string): boolean {
  const field: AnyField | undefined = type.getFields()[fieldName];
  return field?.extensions?.[CALLS_GATEWAY] === true;
}
