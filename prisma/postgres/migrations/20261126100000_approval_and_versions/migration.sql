-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "approvalRequired" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "approvedVerdictId" TEXT;

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN     "approvedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Relation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "Claim_approvedVerdictId_key" ON "Claim"("approvedVerdictId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_approvedVerdictId_fkey" FOREIGN KEY ("approvedVerdictId") REFERENCES "Verdict"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Articles loaded before approval existed keep publishing their verdicts as they did (decision 018);
-- new articles require an editor's approval by default.
UPDATE "Article" SET "approvalRequired" = false;
