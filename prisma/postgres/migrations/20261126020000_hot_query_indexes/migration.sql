-- DropIndex
DROP INDEX "Source_claimId_idx";

-- CreateIndex
CREATE INDEX "Claim_revisionId_ordinal_idx" ON "Claim"("revisionId", "ordinal");

-- CreateIndex
CREATE INDEX "Claim_articleId_status_idx" ON "Claim"("articleId", "status");

-- CreateIndex
CREATE INDEX "Source_claimId_removedAt_idx" ON "Source"("claimId", "removedAt");

