import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { ErrorInfo } from '../graphql/types/error-info.type';
import { MoneyType } from '../graphql/types/money.type';
import { PageInfo } from '../payment-sessions/payment-session-connection.type';
import type { PaymentRecord } from './payment.record';

/** Payment statuses (upstream IntentStatus, upper-cased). */
export enum PaymentStatusEnum {
  REQUIRES_PAYMENT_METHOD = 'REQUIRES_PAYMENT_METHOD',
  REQUIRES_CONFIRMATION = 'REQUIRES_CONFIRMATION',
  REQUIRES_CUSTOMER_ACTION = 'REQUIRES_CUSTOMER_ACTION',
  PROCESSING = 'PROCESSING',
  REQUIRES_CAPTURE = 'REQUIRES_CAPTURE',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PaymentStatusEnum, { name: 'PaymentStatus', description: 'Lifecycle of a payment (upstream IntentStatus). Only REQUIRES_PAYMENT_METHOD and CANCELLED are reached today.' });

@ObjectType('Payment', { description: 'A payment of the calling merchant. Its client secret is shown only when it is created.' })
export class PaymentType {
  @Field(() => ID, { description: '`pay_` + 20 alphanumerics.' })
  id!: string;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatusEnum;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => String, { nullable: true })
  merchantReference?: string;

  @Field(() => String, { nullable: true })
  customerId?: string;

  @Field(() => String, { nullable: true })
  billingCountry?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => DateTimeISOResolver, { description: 'The client secret is accepted up to and including this instant.' })
  clientSecretExpiresAt!: Date;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt!: Date;
}

/** A payment plus the record it came from, for field resolvers (sessions). */
export type PaymentView = PaymentType & { readonly record: PaymentRecord };

@ObjectType({ description: 'The payment (with its client secret when new), or why nothing was created.' })
export class CreatePaymentPayload {
  @Field(() => PaymentType, { nullable: true })
  payment?: PaymentView;

  @Field(() => String, { nullable: true, description: 'Shown once, when the payment is created; null when a repeated merchantReference answered an existing payment.' })
  clientSecret?: string;

  @Field(() => ErrorInfo, { nullable: true })
  error?: ErrorInfo;
}

@ObjectType({ description: 'The cancelled payment, or why nothing changed.' })
export class CancelPaymentPayload {
  @Field(() => PaymentType, { nullable: true })
  payment?: PaymentView;

  @Field(() => ErrorInfo, { nullable: true })
  error?: ErrorInfo;
}

@ObjectType()
export class PaymentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PaymentType)
  node!: PaymentView;
}

@ObjectType({ description: 'Relay connection of the calling merchant’s payments, newest first.' })
export class PaymentConnection {
  @Field(() => [PaymentEdge])
  edges!: PaymentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
