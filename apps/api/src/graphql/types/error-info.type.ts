import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Our connector-independent view of a failure.' })
export class UnifiedErrorDetails {
  @Field(() => String, { description: 'Stable code, e.g. GATEWAY_TIMEOUT, INVALID_SIGNATURE, IDEMPOTENCY_CONFLICT.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true, description: 'What the merchant can do about it.' })
  userGuidanceMessage?: string;
}

@ObjectType({ description: "The gateway's own error, as it sent it." })
export class ConnectorErrorDetails {
  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => String, { nullable: true })
  message?: string;

  @Field(() => String, { nullable: true })
  reason?: string;
}

@ObjectType({ description: 'Why a session could not be created (upstream ErrorInfo, plus retryability).' })
export class ErrorInfo {
  @Field(() => UnifiedErrorDetails)
  unifiedDetails!: UnifiedErrorDetails;

  @Field(() => ConnectorErrorDetails, { nullable: true, description: 'Set when the gateway answered.' })
  connectorDetails?: ConnectorErrorDetails;

  @Field(() => Boolean, { description: 'Whether the same request may succeed if sent again.' })
  retryable!: boolean;

  @Field(() => String, { description: 'Which side failed: VALIDATION, CONFIGURATION, NETWORK, GATEWAY or IDEMPOTENCY.' })
  source!: string;

  @Field(() => Int, { nullable: true, description: 'HTTP status the gateway answered with, when it answered.' })
  gatewayHttpStatus?: number;
}
