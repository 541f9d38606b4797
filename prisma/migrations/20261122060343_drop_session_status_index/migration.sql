-- DropIndex
DROP INDEX "payment_sessions_merchant_id_status_idx";
