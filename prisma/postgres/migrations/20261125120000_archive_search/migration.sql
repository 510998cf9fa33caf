-- Full-text index of reviewed claims, for "we checked this before" matching (lib/db/archive.ts).
-- Not in schema.prisma: Prisma cannot model a generated tsvector column. The drift check skips it.
CREATE TABLE "ArchiveClaimFts" (
    "claimId" TEXT NOT NULL PRIMARY KEY REFERENCES "Claim"("id") ON DELETE CASCADE,
    "body" TEXT NOT NULL,
    "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED
);
CREATE INDEX "ArchiveClaimFts_tsv_idx" ON "ArchiveClaimFts" USING GIN ("tsv");
