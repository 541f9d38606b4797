import { Field, Int, ObjectType } from 'type-graphql';
import type { CurrencyCode } from '@prism-sessions/domain-types';
import { ConnectorEnum, CurrencyCodeEnum } from '../graphql/types/enums';

@ObjectType('ConnectorInfo', { description: 'What a connector needs and offers.' })
export class ConnectorInfoType {
  @Field(() => ConnectorEnum)
  id!: ConnectorEnum;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean, { description: 'Authorize needs a gateway session token first.' })
  requiresSessionToken!: boolean;

  @Field(() => Int, { description: 'Documented token lifetime, seconds.' })
  sessionTokenLifetimeSeconds!: number;

  @Field(() => Int, { description: 'Seconds this service subtracts from the lifetime when computing expiresAt.' })
  expiryMarginSeconds!: number;

  @Field(() => Int, { description: 'Orders one session token may pay for.' })
  ordersPerSessionToken!: number;

  @Field(() => [CurrencyCodeEnum])
  supportedCurrencies!: CurrencyCode[];
}
