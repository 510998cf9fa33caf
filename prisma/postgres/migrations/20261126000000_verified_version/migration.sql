-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "correctionsNote" TEXT,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "publicUrl" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedRevision" INTEGER,
ALTER COLUMN "status" SET DEFAULT 'draft';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'text';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "previousQuote" TEXT,
ADD COLUMN     "speaker" TEXT,
ADD COLUMN     "speakerType" TEXT,
ADD COLUMN     "stale" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN     "correctionDecidedAt" TIMESTAMP(3),
ADD COLUMN     "correctionStatus" TEXT,
ADD COLUMN     "revisionNumber" INTEGER NOT NULL DEFAULT 1;


-- Corrections stored before the editor decision existed wait for one.
UPDATE "Verdict" SET "correctionStatus" = 'proposed' WHERE "correction" IS NOT NULL;
