-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_CONFIRMATION', 'REQUIRES_CUSTOMER_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "connector_accounts" ADD COLUMN     "wallet_config_ciphertext" BYTEA,
ADD COLUMN     "wallet_config_hints" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "wallet_config_key_id" TEXT;

-- AlterTable
ALTER TABLE "payment_sessions" ADD COLUMN     "payment_id" TEXT;

-- CreateTable
CREATE TABLE "payments" (
    "id" TEXT NOT NULL,
    "merchant_id" UUID NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "minor_amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "merchant_reference" TEXT,
    "customer_id" TEXT,
    "billing_country" CHAR(2),
    "description" TEXT,
    "client_secret_hash" CHAR(64),
    "client_secret_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "session_tokens_lock_id" UUID,
    "session_tokens_locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "payments_merchant_id_created_at_id_idx" ON "payments"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "payments_merchant_id_merchant_reference_key" ON "payments"("merchant_id", "merchant_reference");

-- CreateIndex
CREATE INDEX "payment_sessions_payment_id_idx" ON "payment_sessions"("payment_id");

-- AddForeignKey
ALTER TABLE "payment_sessions" ADD CONSTRAINT "payment_sessions_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
