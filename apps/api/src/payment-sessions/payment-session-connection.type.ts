import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectorEnum, SessionStatusEnum } from '../graphql/types/enums';
import { PaymentSessionType } from './payment-session.type';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string;

  @Field(() => String, { nullable: true })
  endCursor?: string;
}

@ObjectType()
export class PaymentSessionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => PaymentSessionType)
  node!: PaymentSessionType;
}

@ObjectType({ description: 'Relay connection of the calling merchant’s sessions, newest first.' })
export class PaymentSessionConnection {
  @Field(() => [PaymentSessionEdge])
  edges!: PaymentSessionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class PaymentSessionFilter {
  @Field(() => ConnectorEnum, { nullable: true })
  connector?: ConnectorEnum;

  @Field(() => SessionStatusEnum, { nullable: true })
  status?: SessionStatusEnum;
}
