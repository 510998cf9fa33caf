-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN "approvedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "byline" TEXT NOT NULL DEFAULT '',
    "sourceFormat" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publicUrl" TEXT,
    "verifiedAt" DATETIME,
    "verifiedRevision" INTEGER,
    "overrideReason" TEXT,
    "correctionsNote" TEXT,
    "approvalRequired" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("byline", "correctionsNote", "createdAt", "createdById", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision") SELECT "byline", "correctionsNote", "createdAt", "createdById", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contextBefore" TEXT NOT NULL DEFAULT '',
    "contextAfter" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "checkworthy" BOOLEAN NOT NULL DEFAULT true,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "entities" TEXT NOT NULL DEFAULT '[]',
    "numbers" TEXT NOT NULL DEFAULT '[]',
    "antecedent" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "dismissReason" TEXT,
    "speaker" TEXT,
    "speakerType" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "previousQuote" TEXT,
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "approvedVerdictId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_approvedVerdictId_fkey" FOREIGN KEY ("approvedVerdictId") REFERENCES "Verdict" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("antecedent", "archivedAt", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version") SELECT "antecedent", "archivedAt", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_approvedVerdictId_key" ON "Claim"("approvedVerdictId");
CREATE INDEX "Claim_articleId_ordinal_idx" ON "Claim"("articleId", "ordinal");
CREATE INDEX "Claim_revisionId_ordinal_idx" ON "Claim"("revisionId", "ordinal");
CREATE INDEX "Claim_articleId_status_idx" ON "Claim"("articleId", "status");
CREATE TABLE "new_Relation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Relation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Relation_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Relation_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Relation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Relation" ("aId", "articleId", "bId", "createdAt", "createdById", "id", "note", "origin", "reason", "status", "type") SELECT "aId", "articleId", "bId", "createdAt", "createdById", "id", "note", "origin", "reason", "status", "type" FROM "Relation";
DROP TABLE "Relation";
ALTER TABLE "new_Relation" RENAME TO "Relation";
CREATE INDEX "Relation_articleId_idx" ON "Relation"("articleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Articles loaded before approval existed keep publishing their verdicts as they did (decision 018);
-- new articles require an editor's approval by default.
UPDATE "Article" SET "approvalRequired" = false;
