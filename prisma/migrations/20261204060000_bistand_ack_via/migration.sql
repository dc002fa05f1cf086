-- How a bistand request was confirmed becomes an enum like the other vocabularies
-- (BISTAND_ACK_VIA in packages/domain/src/vocabulary.ts; the schema test checks the values).
CREATE TYPE "BistandAckVia" AS ENUM ('SMS', 'PHONE');

ALTER TABLE "BistandRequest" ALTER COLUMN "acknowledgedVia" TYPE "BistandAckVia" USING "acknowledgedVia"::"BistandAckVia";
