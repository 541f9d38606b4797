-- AlterEnum
ALTER TYPE "Connector" ADD VALUE 'PAYPAL';

-- DropIndex
DROP INDEX "connector_states_merchant_id_connector_key";

-- AlterTable
ALTER TABLE "connector_states" ADD COLUMN     "scope_key" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "payment_session_attempts" ADD COLUMN     "access_token_source" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "connector_states_merchant_id_connector_scope_key_key" ON "connector_states"("merchant_id", "connector", "scope_key");
