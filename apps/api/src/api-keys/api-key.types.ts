import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { ApiKeyKind } from '../merchants/api-key';

/** GraphQL enum of key kinds (values equal the database enum). */
export const ApiKeyKindEnum = { SECRET: 'SECRET', PUBLISHABLE: 'PUBLISHABLE' } as const satisfies Record<ApiKeyKind, ApiKeyKind>;
registerEnumType(ApiKeyKindEnum, {
  name: 'ApiKeyKind',
  description: 'What a key may do.',
  valuesConfig: {
    SECRET: { description: '`sk_…`: every operation. Keep it on your server.' },
    PUBLISHABLE: { description: '`pk_…`: only client-facing operations; safe to ship in a browser or app. Every other operation answers FORBIDDEN (HTTP 403).' },
  },
});

@ObjectType({ description: 'An API key of the calling merchant. The key itself is shown once, by createApiKey.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ApiKeyKindEnum)
  kind!: ApiKeyKind;

  @Field(() => String, { description: 'The first 10 characters (kind marker and 7 random characters): enough to tell keys apart, never enough to use.' })
  prefix!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last authenticated use, recorded at most once a minute per key and instance.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: Date | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: '1–100 characters, for humans.' })
  name!: string;

  @Field(() => ApiKeyKindEnum)
  kind!: ApiKeyKind;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key stops working; in the future. Null: never.' })
  expiresAt?: Date | null;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The key. Shown only here, only once: only its hash is stored.' })
  key!: string;
}
