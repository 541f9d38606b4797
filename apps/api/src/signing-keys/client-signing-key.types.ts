import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType({ description: 'An RSA public key the merchant’s clients sign requests with.' })
export class ClientSigningKeyType {
  @Field(() => String, { description: 'The merchant’s name for the key, sent by clients with each signature.' })
  keyId!: string;

  @Field(() => String, { description: 'Always "RSA" today.' })
  algorithm!: string;

  @Field(() => Int)
  modulusBits!: number;

  @Field(() => String, { description: 'Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo, as `openssl pkey -pubin -outform DER | sha256sum` prints it.' })
  fingerprint!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt!: Date | null;
}

@InputType()
export class RegisterClientSigningKeyInput {
  @Field(() => String, { description: '1–64 characters of A–Z a–z 0–9 . _ -; unique per merchant, never reused.' })
  keyId!: string;

  @Field(() => String, { description: 'An RSA public key of 2048–8192 bits in PEM: SPKI (BEGIN PUBLIC KEY) or PKCS#1 (BEGIN RSA PUBLIC KEY). Never a private key.' })
  publicKeyPem!: string;
}
