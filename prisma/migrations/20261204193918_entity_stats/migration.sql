-- CreateTable
CREATE TABLE "PersonStats" (
    "personId" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL,

    CONSTRAINT "PersonStats_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "PlaceStats" (
    "placeId" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL,

    CONSTRAINT "PlaceStats_pkey" PRIMARY KEY ("placeId")
);

-- CreateTable
CREATE TABLE "PersonCoMention" (
    "personId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL,

    CONSTRAINT "PersonCoMention_pkey" PRIMARY KEY ("personId","otherId")
);

-- CreateTable
CREATE TABLE "ArchiveStats" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "articleCount" INTEGER NOT NULL,
    "searchListsBuiltFor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArchiveStats_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchLexeme" (
    "lexeme" TEXT NOT NULL,
    "articleCount" INTEGER NOT NULL,
    "articleIds" INTEGER[],
    "scores" REAL[],

    CONSTRAINT "SearchLexeme_pkey" PRIMARY KEY ("lexeme")
);

-- CreateIndex
CREATE INDEX "PersonCoMention_personId_articleCount_otherId_idx" ON "PersonCoMention"("personId", "articleCount" DESC, "otherId");

-- AddForeignKey
ALTER TABLE "PersonStats" ADD CONSTRAINT "PersonStats_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceStats" ADD CONSTRAINT "PlaceStats_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonCoMention" ADD CONSTRAINT "PersonCoMention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonCoMention" ADD CONSTRAINT "PersonCoMention_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What follows Prisma's schema cannot express: the functions and triggers that keep the tables
-- above exact in the transaction of every write, whoever writes (ingest, seed, editors, tests),
-- and the first fill. Only stored articles count, never stubs. As in the search_vector
-- migration, no semicolon may appear here except at the end of a statement: the function bodies
-- spell theirs as \073 inside E'' strings.

-- How prominent a lexeme is in an article, for the search candidate lists: its occurrences
-- weighted as ts_rank_cd weighs them (title 1, teaser 0.4, body 0.2), damped by the article's
-- length as the relevance ranking is. The lists only choose candidates: every candidate is then
-- ranked exactly by the search.
CREATE FUNCTION search_lexeme_prominence(weights text[], word_count int) RETURNS real
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((SELECT sum(CASE w WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.4 WHEN 'C' THEN 0.2 ELSE 0.1 END) FROM unnest(weights) AS w)
               / (1 + ln(greatest(word_count, 1))))::real $$;

-- Articles written: each goes into the lists of its lexemes where it ranks among the best
-- thousand. Lexemes that became frequent since the last build get a list at the next build.
CREATE FUNCTION search_lexeme_merge(ids int[]) RETURNS void LANGUAGE plpgsql
  AS E'BEGIN
  IF cardinality(ids) = 0 OR NOT EXISTS (SELECT 1 FROM "SearchLexeme") THEN
    RETURN\073
  END IF\073
  WITH fresh AS (
    SELECT u.lexeme, a.id, search_lexeme_prominence(u.weights, a."wordCount") AS score
    FROM "Article" a CROSS JOIN LATERAL unnest(a."searchVector") AS u
    WHERE a.id = ANY(ids)),
  qualifying AS (
    SELECT f.lexeme, f.id, f.score FROM fresh f JOIN "SearchLexeme" l ON l.lexeme = f.lexeme
    WHERE cardinality(l."articleIds") < 1000 OR f.score > l.scores[cardinality(l.scores)])
  UPDATE "SearchLexeme" l SET ("articleIds", scores) = (
    SELECT array_agg(m.id ORDER BY m.score DESC, m.id DESC), array_agg(m.score ORDER BY m.score DESC, m.id DESC)
    FROM (
      SELECT x.id, x.score FROM (
        SELECT k.id, k.score FROM unnest(l."articleIds", l.scores) AS k(id, score)
        WHERE k.id <> ALL(ids)
        UNION ALL
        SELECT q.id, q.score FROM qualifying q WHERE q.lexeme = l.lexeme) x
      ORDER BY x.score DESC, x.id DESC
      LIMIT greatest(1000, cardinality(l."articleIds"))) m)
  WHERE l.lexeme IN (SELECT lexeme FROM qualifying)\073
END';

-- The lists from scratch: for every lexeme in at least min_articles stored articles, its
-- `capacity` most prominent articles. Run by `newsgraph search:rebuild` and after an ingest that
-- grew the archive by a tenth.
CREATE FUNCTION search_lexeme_rebuild(min_articles int, capacity int) RETURNS void LANGUAGE plpgsql
  AS E'BEGIN
  DELETE FROM "SearchLexeme"\073
  INSERT INTO "SearchLexeme" (lexeme, "articleCount", "articleIds", scores)
  WITH frequent AS (
    SELECT word, ndoc FROM ts_stat(''SELECT "searchVector" FROM "Article" WHERE NOT "isStub"'') WHERE ndoc >= min_articles),
  scored AS (
    SELECT u.lexeme, a.id, search_lexeme_prominence(u.weights, a."wordCount") AS score
    FROM "Article" a CROSS JOIN LATERAL unnest(a."searchVector") AS u
    WHERE NOT a."isStub" AND u.lexeme IN (SELECT word FROM frequent)),
  ranked AS (
    SELECT lexeme, id, score, row_number() OVER (PARTITION BY lexeme ORDER BY score DESC, id DESC) AS position FROM scored)
  SELECT r.lexeme, f.ndoc, array_agg(r.id ORDER BY r.position), array_agg(r.score ORDER BY r.position)
  FROM ranked r JOIN frequent f ON f.word = r.lexeme
  WHERE r.position <= capacity
  GROUP BY r.lexeme, f.ndoc\073
  UPDATE "ArchiveStats" SET "searchListsBuiltFor" = "articleCount" WHERE id = 1\073
END';

-- Mentions inserted: their persons gain an article, and every pair of persons an added mention
-- forms with the article's other mentions (added or not) gains one.
CREATE FUNCTION entity_stats_person_added() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  INSERT INTO "PersonStats" ("personId", "articleCount")
    SELECT m."personId", count(*) FROM added m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub"
    GROUP BY m."personId" ORDER BY m."personId"
  ON CONFLICT ("personId") DO UPDATE SET "articleCount" = "PersonStats"."articleCount" + EXCLUDED."articleCount"\073
  INSERT INTO "PersonCoMention" ("personId", "otherId", "articleCount")
    SELECT s."personId", o."personId", count(*)
    FROM "PersonMention" s
    JOIN "PersonMention" o ON o."articleId" = s."articleId" AND o."personId" <> s."personId"
    JOIN "Article" a ON a.id = s."articleId" AND NOT a."isStub"
    WHERE s."articleId" IN (SELECT "articleId" FROM added)
      AND (EXISTS (SELECT 1 FROM added n WHERE n."articleId" = s."articleId" AND n."personId" = s."personId")
        OR EXISTS (SELECT 1 FROM added n WHERE n."articleId" = o."articleId" AND n."personId" = o."personId"))
    GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "articleCount" = "PersonCoMention"."articleCount" + EXCLUDED."articleCount"\073
  RETURN NULL\073
END';

-- Mentions deleted: the reverse, over the article's mentions as they were before the statement.
CREATE FUNCTION entity_stats_person_removed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  UPDATE "PersonStats" st SET "articleCount" = st."articleCount" - d.n
  FROM (SELECT m."personId", count(*) AS n FROM removed m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub" GROUP BY 1) d
  WHERE st."personId" = d."personId"\073
  WITH before AS (
    SELECT m."articleId", m."personId", FALSE AS gone FROM "PersonMention" m WHERE m."articleId" IN (SELECT "articleId" FROM removed)
    UNION ALL
    SELECT r."articleId", r."personId", TRUE FROM removed r),
  pairs AS (
    SELECT s."personId" AS p, o."personId" AS q, count(*) AS n
    FROM before s
    JOIN before o ON o."articleId" = s."articleId" AND o."personId" <> s."personId"
    JOIN "Article" a ON a.id = s."articleId" AND NOT a."isStub"
    WHERE s.gone OR o.gone
    GROUP BY 1, 2)
  UPDATE "PersonCoMention" c SET "articleCount" = c."articleCount" - pairs.n
  FROM pairs WHERE c."personId" = pairs.p AND c."otherId" = pairs.q\073
  DELETE FROM "PersonStats" WHERE "articleCount" <= 0 AND "personId" IN (SELECT "personId" FROM removed)\073
  DELETE FROM "PersonCoMention" WHERE "articleCount" <= 0
    AND ("personId" IN (SELECT "personId" FROM removed) OR "otherId" IN (SELECT "personId" FROM removed))\073
  RETURN NULL\073
END';

-- Place mentions inserted: their places gain an article.
CREATE FUNCTION entity_stats_place_added() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  INSERT INTO "PlaceStats" ("placeId", "articleCount")
    SELECT m."placeId", count(*) FROM added m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub"
    GROUP BY m."placeId" ORDER BY m."placeId"
  ON CONFLICT ("placeId") DO UPDATE SET "articleCount" = "PlaceStats"."articleCount" + EXCLUDED."articleCount"\073
  RETURN NULL\073
END';

-- Place mentions deleted: their places lose one.
CREATE FUNCTION entity_stats_place_removed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  UPDATE "PlaceStats" st SET "articleCount" = st."articleCount" - d.n
  FROM (SELECT m."placeId", count(*) AS n FROM removed m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub" GROUP BY 1) d
  WHERE st."placeId" = d."placeId"\073
  DELETE FROM "PlaceStats" WHERE "articleCount" <= 0 AND "placeId" IN (SELECT "placeId" FROM removed)\073
  RETURN NULL\073
END';

-- The triggers above count a mention by its article and entity: those never change in place.
CREATE FUNCTION entity_stats_mention_key_fixed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  RAISE EXCEPTION ''a mention''''s article and entity cannot change: delete the mention and insert another''
    USING ERRCODE = ''feature_not_supported''\073
END';

-- Articles inserted: the archive's count, and the search candidate lists their lexemes belong in.
CREATE FUNCTION entity_stats_articles_added() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  UPDATE "ArchiveStats" SET "articleCount" = "articleCount" + (SELECT count(*) FROM added WHERE NOT "isStub") WHERE id = 1\073
  PERFORM search_lexeme_merge(ARRAY(SELECT id FROM added WHERE NOT "isStub"))\073
  RETURN NULL\073
END';

-- Articles updated: the count again (stubs may have become stored articles), and the lists for
-- those whose text changed.
CREATE FUNCTION entity_stats_articles_changed() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  UPDATE "ArchiveStats" SET "articleCount" = "articleCount"
    + (SELECT count(*) FROM after WHERE NOT "isStub") - (SELECT count(*) FROM before WHERE NOT "isStub") WHERE id = 1\073
  PERFORM search_lexeme_merge(ARRAY(
    SELECT n.id FROM after n JOIN before o ON o.id = n.id
    WHERE NOT n."isStub" AND (o."isStub" OR n."searchVector" IS DISTINCT FROM o."searchVector")))\073
  RETURN NULL\073
END';

-- A stub fetched (or an article turned back into a stub): every mention it already has starts
-- (or stops) counting.
CREATE FUNCTION entity_stats_stub_flipped() RETURNS trigger LANGUAGE plpgsql
  AS E'DECLARE
  sign int := CASE WHEN NEW."isStub" THEN -1 ELSE 1 END\073
BEGIN
  INSERT INTO "PersonStats" ("personId", "articleCount")
    SELECT m."personId", sign FROM "PersonMention" m WHERE m."articleId" = NEW.id ORDER BY 1
  ON CONFLICT ("personId") DO UPDATE SET "articleCount" = "PersonStats"."articleCount" + EXCLUDED."articleCount"\073
  INSERT INTO "PlaceStats" ("placeId", "articleCount")
    SELECT m."placeId", sign FROM "PlaceMention" m WHERE m."articleId" = NEW.id ORDER BY 1
  ON CONFLICT ("placeId") DO UPDATE SET "articleCount" = "PlaceStats"."articleCount" + EXCLUDED."articleCount"\073
  INSERT INTO "PersonCoMention" ("personId", "otherId", "articleCount")
    SELECT s."personId", o."personId", sign FROM "PersonMention" s
    JOIN "PersonMention" o ON o."articleId" = s."articleId" AND o."personId" <> s."personId"
    WHERE s."articleId" = NEW.id ORDER BY 1, 2
  ON CONFLICT ("personId", "otherId") DO UPDATE SET "articleCount" = "PersonCoMention"."articleCount" + EXCLUDED."articleCount"\073
  IF sign < 0 THEN
    DELETE FROM "PersonStats" WHERE "articleCount" <= 0 AND "personId" IN (SELECT "personId" FROM "PersonMention" WHERE "articleId" = NEW.id)\073
    DELETE FROM "PlaceStats" WHERE "articleCount" <= 0 AND "placeId" IN (SELECT "placeId" FROM "PlaceMention" WHERE "articleId" = NEW.id)\073
    DELETE FROM "PersonCoMention" WHERE "articleCount" <= 0 AND "personId" IN (SELECT "personId" FROM "PersonMention" WHERE "articleId" = NEW.id)\073
  END IF\073
  RETURN NULL\073
END';

-- An article deleted: its mentions go first, while the article is still there to say whether it
-- counted (the cascade would delete them after it).
CREATE FUNCTION entity_stats_article_deleting() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN
  DELETE FROM "PersonMention" WHERE "articleId" = OLD.id\073
  DELETE FROM "PlaceMention" WHERE "articleId" = OLD.id\073
  IF NOT OLD."isStub" THEN
    UPDATE "ArchiveStats" SET "articleCount" = "articleCount" - 1 WHERE id = 1\073
  END IF\073
  RETURN OLD\073
END';

-- Every count from scratch: the first fill, and `newsgraph stats:rebuild`.
CREATE FUNCTION entity_stats_rebuild() RETURNS void LANGUAGE plpgsql
  AS E'BEGIN
  DELETE FROM "PersonCoMention"\073
  DELETE FROM "PersonStats"\073
  DELETE FROM "PlaceStats"\073
  INSERT INTO "PersonStats" ("personId", "articleCount")
    SELECT m."personId", count(*) FROM "PersonMention" m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub" GROUP BY 1\073
  INSERT INTO "PlaceStats" ("placeId", "articleCount")
    SELECT m."placeId", count(*) FROM "PlaceMention" m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub" GROUP BY 1\073
  INSERT INTO "PersonCoMention" ("personId", "otherId", "articleCount")
    SELECT s."personId", o."personId", count(*) FROM "PersonMention" s
    JOIN "PersonMention" o ON o."articleId" = s."articleId" AND o."personId" <> s."personId"
    JOIN "Article" a ON a.id = s."articleId" AND NOT a."isStub"
    GROUP BY 1, 2\073
  INSERT INTO "ArchiveStats" (id, "articleCount") VALUES (1, (SELECT count(*) FROM "Article" WHERE NOT "isStub"))
  ON CONFLICT (id) DO UPDATE SET "articleCount" = EXCLUDED."articleCount"\073
END';

CREATE TRIGGER "PersonMention_stats_added" AFTER INSERT ON "PersonMention"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_person_added();
CREATE TRIGGER "PersonMention_stats_removed" AFTER DELETE ON "PersonMention"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_person_removed();
CREATE TRIGGER "PersonMention_key_fixed" BEFORE UPDATE OF "articleId", "personId" ON "PersonMention"
  FOR EACH ROW WHEN (OLD."articleId" IS DISTINCT FROM NEW."articleId" OR OLD."personId" IS DISTINCT FROM NEW."personId")
  EXECUTE FUNCTION entity_stats_mention_key_fixed();
CREATE TRIGGER "PlaceMention_stats_added" AFTER INSERT ON "PlaceMention"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_place_added();
CREATE TRIGGER "PlaceMention_stats_removed" AFTER DELETE ON "PlaceMention"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_place_removed();
CREATE TRIGGER "PlaceMention_key_fixed" BEFORE UPDATE OF "articleId", "placeId" ON "PlaceMention"
  FOR EACH ROW WHEN (OLD."articleId" IS DISTINCT FROM NEW."articleId" OR OLD."placeId" IS DISTINCT FROM NEW."placeId")
  EXECUTE FUNCTION entity_stats_mention_key_fixed();
CREATE TRIGGER "Article_stats_added" AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_articles_added();
CREATE TRIGGER "Article_stats_changed" AFTER UPDATE ON "Article"
  REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION entity_stats_articles_changed();
CREATE TRIGGER "Article_stats_stub_flipped" AFTER UPDATE OF "isStub" ON "Article"
  FOR EACH ROW WHEN (OLD."isStub" IS DISTINCT FROM NEW."isStub") EXECUTE FUNCTION entity_stats_stub_flipped();
CREATE TRIGGER "Article_stats_deleting" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION entity_stats_article_deleting();

-- Rows written before this migration.
SELECT entity_stats_rebuild();
