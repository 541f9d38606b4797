-- Merchants' keys move to api_keys (several per merchant, SECRET or PUBLISHABLE). Hand-edited after
-- db:create-migration: each existing key is copied as a SECRET key before the old columns are dropped,
-- so existing keys keep working.

-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('SECRET', 'PUBLISHABLE');

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_signing_keys" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "key_id" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "modulus_bits" INTEGER NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "spki" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "client_signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_merchant_id_created_at_idx" ON "api_keys"("merchant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "client_signing_keys_merchant_id_key_id_key" ON "client_signing_keys"("merchant_id", "key_id");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_signing_keys" ADD CONSTRAINT "client_signing_keys_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing merchant keys become SECRET keys (same hash, same prefix).
INSERT INTO "api_keys" ("id", "merchant_id", "name", "kind", "key_hash", "prefix", "created_at")
SELECT gen_random_uuid(), "id", 'default secret key', 'SECRET', "api_key_hash", "api_key_prefix", "created_at" FROM "merchants";

-- DropIndex
DROP INDEX "merchants_api_key_hash_key";

-- AlterTable
ALTER TABLE "merchants" DROP COLUMN "api_key_hash",
DROP COLUMN "api_key_prefix";
