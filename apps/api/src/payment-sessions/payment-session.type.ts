import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { ConnectorEnum, SessionStatusEnum } from '../graphql/types/enums';
import { ErrorInfo } from '../graphql/types/error-info.type';
import { MoneyType } from '../graphql/types/money.type';

@ObjectType('PaymentSession', { description: 'A gateway session opened for one merchant order, persisted with its status and expiry.' })
export class PaymentSessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The merchant’s id for this session; sent to the gateway as its request or order reference.' })
  merchantSessionId!: string;

  @Field(() => ConnectorEnum)
  connector!: ConnectorEnum;

  @Field(() => ID, { nullable: true, description: 'The stored connector account whose credentials were used; null when they came in x-connector-config.' })
  connectorAccountId?: string;

  @Field(() => SessionStatusEnum)
  status!: SessionStatusEnum;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => Boolean)
  testMode!: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the token stops being handed out: the documented lifetime minus a safety margin.' })
  expiresAt?: Date;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt!: Date;

  @Field(() => Int, { description: 'Gateway calls made for this session so far.' })
  attemptCount!: number;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string;

  @Field(() => ErrorInfo, { nullable: true, description: 'Why the last attempt failed.' })
  error?: ErrorInfo;
}
