import { Field, ObjectType } from 'type-graphql';
import { toMajorUnitString, type CurrencyCode } from '@prism-sessions/domain-types';
import { Int64Scalar } from '../scalars/int64.scalar';
import { CurrencyCodeEnum } from './enums';

@ObjectType({ description: 'An amount in integer minor units (1000 USD = $10.00).' })
export class MoneyType {
  @Field(() => Int64Scalar, { description: 'Amount in minor units, as a decimal string.' })
  minorAmount!: bigint;

  @Field(() => CurrencyCodeEnum)
  currency!: CurrencyCode;

  @Field(() => String, { description: 'Major-unit decimal string as sent to the gateway, e.g. "10.00".' })
  get formatted(): string {
    return toMajorUnitString({ minorAmount: this.minorAmount, currency: this.currency });
  }

  static of(minorAmount: bigint, currency: CurrencyCode): MoneyType {
    return Object.assign(new MoneyType(), { minorAmount, currency });
  }
}
