-- AlterTable
ALTER TABLE "payment_sessions" ADD COLUMN     "connector_account_id" UUID;

-- CreateTable
CREATE TABLE "connector_accounts" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "connector" "Connector" NOT NULL,
    "label" TEXT NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "wallets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "credentials_ciphertext" BYTEA NOT NULL,
    "encryption_key_id" TEXT NOT NULL,
    "credential_hints" JSONB NOT NULL DEFAULT '{}',
    "last_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connector_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "connector_accounts_merchant_id_connector_created_at_idx" ON "connector_accounts"("merchant_id", "connector", "created_at");

-- AddForeignKey
ALTER TABLE "payment_sessions" ADD CONSTRAINT "payment_sessions_connector_account_id_fkey" FOREIGN KEY ("connector_account_id") REFERENCES "connector_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_accounts" ADD CONSTRAINT "connector_accounts_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one default account per merchant, connector and mode (written by hand: Prisma cannot
-- declare partial indexes; `db:create-migration` diffs ignore it). It also serves the default lookup
-- of createSessionToken (one index probe per cache miss).
CREATE UNIQUE INDEX "connector_accounts_one_default" ON "connector_accounts"("merchant_id", "connector", "test_mode") WHERE "is_default";
