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
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("byline", "createdAt", "createdById", "id", "sourceFormat", "status", "title", "updatedAt") SELECT "byline", "createdAt", "createdById", "id", "sourceFormat", "status", "title", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'text',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("articleId", "createdAt", "createdById", "id", "number", "text") SELECT "articleId", "createdAt", "createdById", "id", "number", "text" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE UNIQUE INDEX "Revision_articleId_number_key" ON "Revision"("articleId", "number");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("antecedent", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "quote", "revisionId", "score", "start", "status", "text", "type", "updatedAt", "version") SELECT "antecedent", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "quote", "revisionId", "score", "start", "status", "text", "type", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_articleId_ordinal_idx" ON "Claim"("articleId", "ordinal");
CREATE TABLE "new_Verdict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "correction" TEXT,
    "correctionStatus" TEXT,
    "correctionDecidedAt" DATETIME,
    "revisionNumber" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Verdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Verdict_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Verdict" ("authorId", "claimId", "correction", "createdAt", "explanation", "id", "rating") SELECT "authorId", "claimId", "correction", "createdAt", "explanation", "id", "rating" FROM "Verdict";
DROP TABLE "Verdict";
ALTER TABLE "new_Verdict" RENAME TO "Verdict";
CREATE INDEX "Verdict_claimId_createdAt_idx" ON "Verdict"("claimId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Corrections stored before the editor decision existed wait for one.
UPDATE "Verdict" SET "correctionStatus" = 'proposed' WHERE "correction" IS NOT NULL;
