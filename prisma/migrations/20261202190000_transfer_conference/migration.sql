-- Hand-overs between any two centres the law allows (§ 13 b, § 15 e, § 15 g): the legal basis the
-- domain rule gave, and whether the caller was conference-connected to the receiving centre.
ALTER TABLE "Transfer" ADD COLUMN "basis" TEXT;
ALTER TABLE "Transfer" ADD COLUMN "conference" BOOLEAN NOT NULL DEFAULT false;
