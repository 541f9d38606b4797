-- CreateEnum
CREATE TYPE "Connector" AS ENUM ('NUVEI', 'PAYTM');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('PENDING', 'ACTIVE', 'EXPIRED', 'FAILED', 'REVOKED', 'OUTCOME_UNKNOWN');

-- CreateTable
CREATE TABLE "merchants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "api_key_hash" CHAR(64) NOT NULL,
    "api_key_prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_sessions" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "connector" "Connector" NOT NULL,
    "merchant_session_id" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "request_fingerprint" CHAR(64) NOT NULL,
    "minor_amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "test_mode" BOOLEAN NOT NULL,
    "status" "SessionStatus" NOT NULL,
    "token_ciphertext" BYTEA,
    "metadata_ciphertext" BYTEA,
    "connector_feature_data_ciphertext" BYTEA,
    "encryption_key_id" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "http_status" INTEGER,
    "unified_error_code" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "error_reason" TEXT,
    "retryable" BOOLEAN,
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_session_attempts" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "attempt_number" INTEGER NOT NULL,
    "status" "SessionStatus" NOT NULL,
    "http_status" INTEGER,
    "unified_error_code" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "payment_session_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connector_states" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "connector" "Connector" NOT NULL,
    "access_token_ciphertext" BYTEA,
    "access_token_type" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "connector_customer_id" TEXT,
    "encryption_key_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connector_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "merchants_api_key_hash_key" ON "merchants"("api_key_hash");

-- CreateIndex
CREATE INDEX "payment_sessions_merchant_id_created_at_id_idx" ON "payment_sessions"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "payment_sessions_merchant_id_status_idx" ON "payment_sessions"("merchant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "payment_sessions_merchant_id_connector_merchant_session_id_key" ON "payment_sessions"("merchant_id", "connector", "merchant_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_sessions_merchant_id_idempotency_key_key" ON "payment_sessions"("merchant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_session_attempts_session_id_attempt_number_key" ON "payment_session_attempts"("session_id", "attempt_number");

-- CreateIndex
CREATE UNIQUE INDEX "connector_states_merchant_id_connector_key" ON "connector_states"("merchant_id", "connector");

-- AddForeignKey
ALTER TABLE "payment_sessions" ADD CONSTRAINT "payment_sessions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_session_attempts" ADD CONSTRAINT "payment_session_attempts_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "payment_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_states" ADD CONSTRAINT "connector_states_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
