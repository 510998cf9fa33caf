-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "deactivatedAt" DATETIME,
    "installOwner" BOOLEAN,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("createdAt", "deactivatedAt", "email", "id", "installOwner", "name", "passwordHash", "role", "sessionVersion") SELECT "createdAt", "deactivatedAt", "email", "id", "installOwner", "name", "passwordHash", "role", "sessionVersion" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_installOwner_key" ON "User"("installOwner");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

