-- AlterTable
ALTER TABLE "payment_sessions" ADD COLUMN     "error_description" TEXT;
