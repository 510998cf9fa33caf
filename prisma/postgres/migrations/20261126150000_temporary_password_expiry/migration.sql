-- AlterTable
ALTER TABLE "User" ADD COLUMN     "temporaryPasswordExpiresAt" TIMESTAMP(3);

