-- CreateEnum
CREATE TYPE "HyperAuthMethod" AS ENUM ('SIGNATURE', 'CLIENT_AUTH_TOKEN');

-- CreateTable
CREATE TABLE "upi_customers" (
    "merchant_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "upi_customers_pkey" PRIMARY KEY ("merchant_id","customer_id")
);

-- CreateTable
CREATE TABLE "upi_device_bindings" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "device_finger_print" TEXT NOT NULL,
    "masked_mobile_number" TEXT NOT NULL,
    "bound_at" TIMESTAMPTZ(3) NOT NULL,
    "activated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "upi_device_bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upi_linked_accounts" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "vpa" TEXT NOT NULL,
    "reference_id" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "bank_name" TEXT NOT NULL,
    "masked_account_number" TEXT NOT NULL,
    "ifsc" TEXT,
    "type" TEXT,
    "branch_name" TEXT,
    "name" TEXT,
    "mpin_set" BOOLEAN NOT NULL,
    "mpin_length" INTEGER NOT NULL,
    "otp_length" INTEGER NOT NULL,
    "atm_pin_length" INTEGER NOT NULL,
    "is_primary" BOOLEAN NOT NULL,
    "is_default" BOOLEAN NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "upi_linked_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hyper_sdk_sessions" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "auth_method" "HyperAuthMethod" NOT NULL,
    "signature_sha256" CHAR(64),
    "sim_id" TEXT,
    "declared_mobile_masked" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "renewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "hyper_sdk_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hyper_used_request_ids" (
    "merchant_id" UUID NOT NULL,
    "request_id" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3) NOT NULL,
    "keep_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hyper_used_request_ids_pkey" PRIMARY KEY ("merchant_id","request_id")
);

-- CreateTable
CREATE TABLE "client_auth_tokens" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "customer_id" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "max_uses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "client_auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "upi_device_bindings_merchant_id_customer_id_device_finger_p_key" ON "upi_device_bindings"("merchant_id", "customer_id", "device_finger_print");

-- CreateIndex
CREATE UNIQUE INDEX "upi_linked_accounts_reference_id_key" ON "upi_linked_accounts"("reference_id");

-- CreateIndex
CREATE UNIQUE INDEX "upi_linked_accounts_merchant_id_customer_id_vpa_key" ON "upi_linked_accounts"("merchant_id", "customer_id", "vpa");

-- CreateIndex
CREATE INDEX "hyper_sdk_sessions_merchant_id_customer_id_issued_at_idx" ON "hyper_sdk_sessions"("merchant_id", "customer_id", "issued_at" DESC);

-- CreateIndex
CREATE INDEX "hyper_used_request_ids_keep_until_idx" ON "hyper_used_request_ids"("keep_until");

-- CreateIndex
CREATE UNIQUE INDEX "client_auth_tokens_token_hash_key" ON "client_auth_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "client_auth_tokens_expires_at_idx" ON "client_auth_tokens"("expires_at");

-- CreateIndex
CREATE INDEX "client_signing_keys_key_id_idx" ON "client_signing_keys"("key_id");

-- AddForeignKey
ALTER TABLE "upi_customers" ADD CONSTRAINT "upi_customers_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upi_device_bindings" ADD CONSTRAINT "upi_device_bindings_merchant_id_customer_id_fkey" FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "upi_customers"("merchant_id", "customer_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upi_linked_accounts" ADD CONSTRAINT "upi_linked_accounts_merchant_id_customer_id_fkey" FOREIGN KEY ("merchant_id", "customer_id") REFERENCES "upi_customers"("merchant_id", "customer_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hyper_sdk_sessions" ADD CONSTRAINT "hyper_sdk_sessions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_auth_tokens" ADD CONSTRAINT "client_auth_tokens_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
