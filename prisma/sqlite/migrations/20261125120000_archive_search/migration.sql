-- Full-text index of reviewed claims, for "we checked this before" matching (lib/db/archive.ts).
-- Not in schema.prisma: Prisma cannot model an FTS5 virtual table. The drift check skips it.
CREATE VIRTUAL TABLE "ArchiveClaimFts" USING fts5("claimId" UNINDEXED, "body", tokenize = 'porter unicode61');
