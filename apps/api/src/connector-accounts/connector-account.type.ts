import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { ConnectorEnum } from '../graphql/types/enums';
import { ErrorInfo } from '../graphql/types/error-info.type';
import { WalletConfigView } from '../wallets/wallet-config.type';
import { WalletEnum } from './wallet.enum';

@ObjectType('ConnectorAccount', { description: 'Stored gateway credentials of the calling merchant. The credentials themselves are write-only.' })
export class ConnectorAccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => ConnectorEnum)
  connector!: ConnectorEnum;

  @Field(() => String)
  label!: string;

  @Field(() => Boolean, { description: 'Sandbox (true) or live credentials.' })
  testMode!: boolean;

  @Field(() => Boolean, { description: 'Used by createSessionToken when neither x-connector-config nor connectorAccountId is given (per connector and mode).' })
  isDefault!: boolean;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => [WalletEnum])
  wallets!: WalletEnum[];

  @Field(() => WalletConfigView, { description: 'Safe facts of the wallet configuration; never the Apple Pay certificate or key.' })
  walletConfig!: WalletConfigView;

  @Field(() => JSONObjectResolver, { description: 'Only the credential fields the connector declares safe to show (e.g. merchant ids); never a secret or key.' })
  credentialHints!: Record<string, string>;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When verify last succeeded with the stored credentials.' })
  lastVerifiedAt?: Date;
}

@ObjectType({ description: 'The account, or why nothing was changed.' })
export class ConnectorAccountPayload {
  @Field(() => ConnectorAccountType, { nullable: true })
  connectorAccount?: ConnectorAccountType;

  @Field(() => ErrorInfo, { nullable: true })
  error?: ErrorInfo;
}
