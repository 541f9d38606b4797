import { Field, InputType, ObjectType } from 'type-graphql';

@InputType({ description: 'The inner payload of a HyperSDK process call (seed 004). Exactly one auth group: merchantKeyId + signature + signaturePayload, or clientAuthToken + merchantId + customerId.' })
export class UpiGetSessionTokenInput {
  @Field(() => String, { description: '`upiGetSessionToken` (or its alias `getSessionToken`, echoed as sent); `updateAuth` on the updateAuth mutation.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'The keyId of a registered client signing key.' })
  merchantKeyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Standard Base64 of the RSA-SHA256 (PKCS#1 v1.5) signature over signaturePayload; whitespace ignored.' })
  signature?: string | null;

  @Field(() => String, { nullable: true, description: 'The exact string that was signed: JSON of merchant_id, customer_id, timestamp (13-digit epoch ms). Verified as received, never re-serialized.' })
  signaturePayload?: string | null;

  @Field(() => String, { nullable: true, description: 'A token from createClientAuthToken (instead of the signature group).' })
  clientAuthToken?: string | null;

  @Field(() => String, { nullable: true, description: 'With clientAuthToken: the merchant id the token was minted for.' })
  merchantId?: string | null;

  @Field(() => String, { nullable: true, description: 'With clientAuthToken: the customer the token was minted for.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Stringified JSON, echoed as otherInfo.' })
  udfParameters?: string | null;

  @Field(() => String, { nullable: true, description: '12 digits starting with 91. Recorded on the session masked (+91XXXXXX + last 4), never echoed.' })
  customerMobileNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'SIM slot (0, 1, …): recorded on the session for audit.' })
  simId?: string | null;
}

@InputType({ description: 'The HyperSDK request envelope, field for field as POST /hyperapi/process takes it.' })
export class HyperProcessRequestInput {
  @Field(() => String, { description: 'A uuid-v4, unique per activity: accepted once per merchant.' })
  requestId!: string;

  @Field(() => String, { description: 'Always "in.juspay.hyperapi".' })
  service!: string;

  @Field(() => UpiGetSessionTokenInput)
  payload!: UpiGetSessionTokenInput;
}

@ObjectType({ description: 'A linked bank account, every field a string (seed 004). The account number is only ever masked.' })
export class BankAccount {
  @Field(() => String, { description: 'IIN of the bank.' })
  bankCode!: string;
  @Field(() => String)
  bankName!: string;
  @Field(() => String, { description: '`XXXX` + the last 4 digits.' })
  maskedAccountNumber!: string;
  @Field(() => String)
  mpinLength!: string;
  @Field(() => String, { description: '"true" or "false".' })
  mpinSet!: string;
  @Field(() => String, { description: 'Account reference (accountReferenceId of later pay calls).' })
  referenceId!: string;
  @Field(() => String, { description: '"true" or "false".' })
  isPrimary!: string;
  @Field(() => String)
  otpLength!: string;
  @Field(() => String)
  atmPinLength!: string;
  @Field(() => String, { nullable: true })
  type?: string;
  @Field(() => String, { nullable: true })
  branchName?: string;
  @Field(() => String, { nullable: true })
  ifsc?: string;
  @Field(() => String, { nullable: true, description: 'Account holder name.' })
  name?: string;
}

@ObjectType({ description: 'A VPA and the account linked to it.' })
export class VpaAccount {
  @Field(() => String)
  vpa!: string;
  @Field(() => BankAccount)
  account!: BankAccount;
  @Field(() => String, { description: '"true" or "false".' })
  isDefault!: string;
}

@ObjectType({ description: 'The payload of a HyperSDK answer. Every leaf is a string; on an error envelope it is empty (all fields null; `{}` on REST).' })
export class UpiSessionTokenPayload {
  @Field(() => String, { nullable: true, description: 'Echo of the action.' })
  action?: string;
  @Field(() => String, { nullable: true, description: 'FRESH (no active device binding), BOUND (binding, no VPA) or LINKED. NOPERMISSION is a device fact the server never derives.' })
  status?: string;
  @Field(() => String, { nullable: true, description: '"true" when the customer has an active binding (the envelope carries no device id: not "this handset").' })
  isDeviceBound?: string;
  @Field(() => String, { nullable: true, description: '"true" when the customer has an active, activated binding.' })
  isDeviceActivated?: string;
  @Field(() => [VpaAccount], { nullable: true, description: 'Only when LINKED.' })
  vpaAccounts?: VpaAccount[];
  @Field(() => String, { nullable: true, description: 'The 3-character UPI prefix of the merchant’s PSP handle (UPI_PREFIX).' })
  prefix?: string;
  @Field(() => String, { nullable: true, description: 'Masked mobile of the active binding(s): +91XXXXXX + last 4.' })
  customerMobileNumber?: string;
  @Field(() => String, { nullable: true, description: 'Only when exactly one binding is active.' })
  deviceFingerPrint?: string;
  @Field(() => String, { nullable: true, description: 'Session expiry, ISO-8601 UTC with milliseconds; never later than the signature’s validity.' })
  expiryTimestamp?: string;
  @Field(() => String, { nullable: true, description: 'udfParameters as sent.' })
  otherInfo?: string;
}

@ObjectType({ description: 'The HyperSDK answer envelope (process_result), field for field as POST /hyperapi/process sends it. Failures are inside it (error: true), not GraphQL errors.' })
export class HyperProcessResult {
  @Field(() => String)
  requestId!: string;
  @Field(() => String)
  service!: string;
  @Field(() => UpiSessionTokenPayload)
  payload!: UpiSessionTokenPayload;
  @Field(() => Boolean)
  error!: boolean;
  @Field(() => String, { description: 'Empty on success.' })
  errorMessage!: string;
  @Field(() => String, { description: 'Empty on success; a JP_xxx code otherwise (README, HyperSDK error codes).' })
  errorCode!: string;
  @Field(() => String, { description: 'Always "process_result".' })
  event!: string;
}
