-- CreateTable
CREATE TABLE "BlindVerdict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "correction" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BlindVerdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlindVerdict_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
    "defaultAssigneeId" TEXT,
    "approvalRequired" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "doubleCheck" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_defaultAssigneeId_fkey" FOREIGN KEY ("defaultAssigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("approvalRequired", "byline", "correctionsNote", "createdAt", "createdById", "defaultAssigneeId", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision") SELECT "approvalRequired", "byline", "correctionsNote", "createdAt", "createdById", "defaultAssigneeId", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision" FROM "Article";
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
    "assigneeId" TEXT,
    "dueAt" DATETIME,
    "assignedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "approvedVerdictId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "secondAssigneeId" TEXT,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_approvedVerdictId_fkey" FOREIGN KEY ("approvedVerdictId") REFERENCES "Verdict" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_secondAssigneeId_fkey" FOREIGN KEY ("secondAssigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("antecedent", "approvedVerdictId", "archivedAt", "articleId", "assignedAt", "assigneeId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "dueAt", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version") SELECT "antecedent", "approvedVerdictId", "archivedAt", "articleId", "assignedAt", "assigneeId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "dueAt", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_approvedVerdictId_key" ON "Claim"("approvedVerdictId");
CREATE INDEX "Claim_articleId_ordinal_idx" ON "Claim"("articleId", "ordinal");
CREATE INDEX "Claim_assigneeId_status_idx" ON "Claim"("assigneeId", "status");
CREATE INDEX "Claim_revisionId_ordinal_idx" ON "Claim"("revisionId", "ordinal");
CREATE INDEX "Claim_articleId_status_idx" ON "Claim"("articleId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BlindVerdict_claimId_slot_key" ON "BlindVerdict"("claimId", "slot");


-- CreateIndex
CREATE INDEX "Claim_secondAssigneeId_idx" ON "Claim"("secondAssigneeId");
