-- CreateTable
CREATE TABLE "VerdictScale" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VerdictScaleEntry" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ratingValue" INTEGER,
    "colour" TEXT NOT NULL,
    "icon" TEXT NOT NULL,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);


-- Seed the default scale (PRODUCT.md) so existing installs keep working with no manual step. Each
-- entry key is the rating string verdicts already store, so every existing verdict maps onto its
-- entry unchanged, and only the name shown can change from here on (decision 032).
INSERT INTO "VerdictScale" ("id", "version", "updatedAt") VALUES (1, 1, CURRENT_TIMESTAMP);
INSERT INTO "VerdictScaleEntry" ("key", "name", "position", "ratingValue", "colour", "icon") VALUES
  ('True', 'True', 1, 5, '#1d6b3a', 'check'),
  ('Mostly true', 'Mostly true', 2, 4, '#3d6b12', 'up'),
  ('Mixed', 'Mixed', 3, 3, '#8a5a00', 'approx'),
  ('Mostly false', 'Mostly false', 4, 2, '#9a3a0b', 'down'),
  ('False', 'False', 5, 1, '#a11d1d', 'cross'),
  ('Unverifiable', 'Unverifiable', 6, NULL, '#4b2a7a', 'question');
-- A verdict whose rating matches no default entry (none should exist since the API accepted only
-- these six) still gets an entry, retired, so it keeps its label and nothing points nowhere.
INSERT INTO "VerdictScaleEntry" ("key", "name", "position", "ratingValue", "colour", "icon", "retiredAt")
SELECT DISTINCT "rating", "rating", 100, CAST(NULL AS INTEGER), '#555555', 'dot', CURRENT_TIMESTAMP FROM "Verdict"
WHERE "rating" NOT IN ('True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Unverifiable');
