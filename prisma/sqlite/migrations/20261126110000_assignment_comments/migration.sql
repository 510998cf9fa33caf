-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentMention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("commentId", "userId"),
    CONSTRAINT "CommentMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_defaultAssigneeId_fkey" FOREIGN KEY ("defaultAssigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("approvalRequired", "byline", "correctionsNote", "createdAt", "createdById", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision") SELECT "approvalRequired", "byline", "correctionsNote", "createdAt", "createdById", "id", "overrideReason", "publicUrl", "sourceFormat", "status", "title", "updatedAt", "verifiedAt", "verifiedRevision" FROM "Article";
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
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_approvedVerdictId_fkey" FOREIGN KEY ("approvedVerdictId") REFERENCES "Verdict" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("antecedent", "approvedVerdictId", "archivedAt", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version") SELECT "antecedent", "approvedVerdictId", "archivedAt", "articleId", "checkworthy", "contextAfter", "contextBefore", "createdAt", "dismissReason", "end", "entities", "flags", "id", "numbers", "ordinal", "previousQuote", "quote", "revisionId", "score", "speaker", "speakerType", "stale", "start", "status", "text", "type", "updatedAt", "version" FROM "Claim";
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
CREATE INDEX "Comment_claimId_createdAt_idx" ON "Comment"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "CommentMention_userId_idx" ON "CommentMention"("userId");

