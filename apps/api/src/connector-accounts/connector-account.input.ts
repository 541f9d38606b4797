import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectorEnum } from '../graphql/types/enums';
import { WalletConfigInput } from '../wallets/wallet-config.input';
import { WalletEnum } from './wallet.enum';

const LABEL = /^(?=.*\S)\P{Cc}{1,100}$/u;
const LABEL_MESSAGE = 'label must be 1-100 characters, not only spaces, without control characters';

@InputType({ description: 'A new stored connector account.' })
export class CreateConnectorAccountInput {
  @Field(() => ConnectorEnum)
  connector!: ConnectorEnum;

  @Field(() => String)
  @Matches(LABEL, { message: LABEL_MESSAGE })
  label!: string;

  @Field(() => Boolean)
  @IsBoolean()
  testMode!: boolean;

  @Field(() => GraphQLJSON, { description: 'The connector’s x-connector-config entry, e.g. {"merchant_id":…,"merchant_site_id":…,"merchant_secret":…}. Write-only.' })
  credentials!: unknown;

  @Field(() => Boolean, { nullable: true, description: 'Make it the default for its connector and mode (the previous default stops being one).' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @Field(() => [WalletEnum], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'wallets must not repeat a wallet' })
  @ArrayMaxSize(Object.keys(WalletEnum).length)
  wallets?: WalletEnum[];

  @Field(() => WalletConfigInput, { nullable: true, description: 'Per-wallet configuration (Google Pay, Apple Pay), validated when saved; Apple Pay’s certificate and key are sealed and never returned.' })
  @IsOptional()
  @ValidateNested()
  walletConfig?: WalletConfigInput;

  @Field(() => Boolean, { nullable: true, description: 'Check the credentials live with the gateway first (per connector: see README); a failed check saves nothing.' })
  @IsOptional()
  @IsBoolean()
  verify?: boolean;
}

@InputType({ description: 'Changes to a stored connector account; absent fields stay. Connector and testMode cannot change.' })
export class UpdateConnectorAccountInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LABEL, { message: LABEL_MESSAGE })
  label?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Replaces the stored credentials whole. Write-only.' })
  credentials?: unknown;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @Field(() => [WalletEnum], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'wallets must not repeat a wallet' })
  @ArrayMaxSize(Object.keys(WalletEnum).length)
  wallets?: WalletEnum[];

  @Field(() => WalletConfigInput, { nullable: true, description: 'Per-wallet configuration (Google Pay, Apple Pay), validated when saved; Apple Pay’s certificate and key are sealed and never returned.' })
  @IsOptional()
  @ValidateNested()
  walletConfig?: WalletConfigInput;

  @Field(() => Boolean, { nullable: true, description: 'Check the (new or stored) credentials live first; a failed check changes nothing.' })
  @IsOptional()
  @IsBoolean()
  verify?: boolean;
}
