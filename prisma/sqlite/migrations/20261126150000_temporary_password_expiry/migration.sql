-- AlterTable
ALTER TABLE "User" ADD COLUMN "temporaryPasswordExpiresAt" DATETIME;

