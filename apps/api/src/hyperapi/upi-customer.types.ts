import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { VpaAccount } from './hyperapi.types';

/** Onboarding statuses of seed 004. The server derives FRESH, BOUND and LINKED only. */
export enum UpiOnboardingStatusEnum {
  NOPERMISSION = 'NOPERMISSION',
  FRESH = 'FRESH',
  BOUND = 'BOUND',
  LINKED = 'LINKED',
}

registerEnumType(UpiOnboardingStatusEnum, {
  name: 'UpiOnboardingStatus',
  description: 'Where a customer stands in UPI onboarding.',
  valuesConfig: {
    NOPERMISSION: { description: 'Device permissions missing: a handset fact, never derived by the server (kept for the seed’s enum).' },
    FRESH: { description: 'No active device binding.' },
    BOUND: { description: 'An active device binding, no linked VPA.' },
    LINKED: { description: 'An active device binding and at least one linked VPA.' },
  },
});

@ObjectType({ description: 'A device binding the merchant’s UPI PSP reported. The mobile number is only ever masked.' })
export class UpiDeviceBindingType {
  @Field(() => String)
  deviceFingerPrint!: string;
  @Field(() => String, { description: '+91XXXXXX + the last 4 digits.' })
  maskedMobileNumber!: string;
  @Field(() => DateTimeResolver)
  boundAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true })
  activatedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A customer’s UPI state as the service holds it, keyed by (merchant, customer).' })
export class UpiCustomerType {
  @Field(() => String)
  customerId!: string;
  @Field(() => UpiOnboardingStatusEnum)
  status!: UpiOnboardingStatusEnum;
  @Field(() => Boolean, { description: 'The customer has an active binding (any device).' })
  isDeviceBound!: boolean;
  @Field(() => Boolean, { description: 'The customer has an active, activated binding.' })
  isDeviceActivated!: boolean;
  @Field(() => [UpiDeviceBindingType], { description: 'Every binding, revoked ones included, oldest first.' })
  deviceBindings!: UpiDeviceBindingType[];
  @Field(() => [VpaAccount], { description: 'Linked VPAs (even while no binding is active), default first.' })
  vpaAccounts!: VpaAccount[];
}

@InputType()
export class RecordUpiDeviceBindingInput {
  @Field(() => String)
  customerId!: string;
  @Field(() => String, { description: 'The fingerprint the PSP generated at bind time (1–256 printable ASCII characters).' })
  deviceFingerPrint!: string;
  @Field(() => String, { description: 'The verified mobile: 91 + 10 digits (or +91 + 10 digits). Only its masked form is stored.' })
  mobileNumber!: string;
  @Field(() => Boolean, { description: 'Whether the PSP also activated the binding.' })
  activated!: boolean;
}

@InputType()
export class RevokeUpiDeviceBindingInput {
  @Field(() => String)
  customerId!: string;
  @Field(() => String)
  deviceFingerPrint!: string;
}

@InputType()
export class LinkUpiAccountInput {
  @Field(() => String)
  customerId!: string;
  @Field(() => String, { description: 'handle@psp' })
  vpa!: string;
  @Field(() => String, { description: 'IIN of the bank (3–11 digits).' })
  bankCode!: string;
  @Field(() => String)
  bankName!: string;
  @Field(() => String, { description: '6–20 digits. Only XXXX + the last 4 digits are stored.' })
  accountNumber!: string;
  @Field(() => String, { nullable: true })
  ifsc?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. SAVINGS' })
  type?: string | null;
  @Field(() => String, { nullable: true })
  branchName?: string | null;
  @Field(() => String, { nullable: true, description: 'Account holder name.' })
  name?: string | null;
  @Field(() => Boolean)
  mpinSet!: boolean;
  @Field(() => Int)
  mpinLength!: number;
  @Field(() => Int)
  otpLength!: number;
  @Field(() => Int)
  atmPinLength!: number;
  @Field(() => Boolean)
  isPrimary!: boolean;
  @Field(() => Boolean, { description: 'Making this link the default clears the customer’s other default.' })
  isDefault!: boolean;
}

@InputType()
export class UnlinkUpiAccountInput {
  @Field(() => String)
  customerId!: string;
  @Field(() => String)
  vpa!: string;
}

@InputType()
export class CreateClientAuthTokenInput {
  @Field(() => String, { description: 'The customer the token is scoped to.' })
  customerId!: string;
}

@ObjectType({ description: 'A clientAuthToken, shown once: the app sends it with merchantId and customerId instead of a signature.' })
export class ClientAuthTokenType {
  @Field(() => String, { description: '`tkn_…`; 15 minutes, a capped number of uses, only for this merchant and customer. Only its hash is stored.' })
  clientAuthToken!: string;
  @Field(() => DateTimeResolver)
  expiresAt!: Date;
}
