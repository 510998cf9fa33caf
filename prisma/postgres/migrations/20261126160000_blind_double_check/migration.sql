-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "doubleCheck" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "secondAssigneeId" TEXT;

-- CreateTable
CREATE TABLE "BlindVerdict" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "correction" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BlindVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BlindVerdict_claimId_slot_key" ON "BlindVerdict"("claimId", "slot");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_secondAssigneeId_fkey" FOREIGN KEY ("secondAssigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlindVerdict" ADD CONSTRAINT "BlindVerdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlindVerdict" ADD CONSTRAINT "BlindVerdict_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "Claim_secondAssigneeId_idx" ON "Claim"("secondAssigneeId");
