import { Field, Int, ObjectType } from 'type-graphql';
import { ErrorInfo } from '../graphql/types/error-info.type';
import { PaymentSessionType } from './payment-session.type';

@ObjectType({ description: 'Result of createSessionToken. Gateway rejections and faults are reported here, not as GraphQL errors.' })
export class CreateSessionTokenPayload {
  @Field(() => String, { nullable: true, description: 'The gateway’s session token. Null when no live token is held.' })
  sessionToken?: string;

  @Field(() => Int, { description: 'HTTP-style status: 200 on success, the gateway’s 4xx/5xx, 422 for a gateway decline sent with HTTP 200, 409 conflict, 502/504 network faults.' })
  statusCode!: number;

  @Field(() => ErrorInfo, { nullable: true })
  error?: ErrorInfo;

  @Field(() => PaymentSessionType, { nullable: true })
  session?: PaymentSessionType;

  @Field(() => Boolean, { description: 'True when the stored result was returned without calling the gateway.' })
  replayed!: boolean;
}

@ObjectType({ description: 'Result of revokePaymentSession.' })
export class RevokePaymentSessionPayload {
  @Field(() => PaymentSessionType, { nullable: true })
  session?: PaymentSessionType;

  @Field(() => ErrorInfo, { nullable: true })
  error?: ErrorInfo;
}
