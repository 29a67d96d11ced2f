-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- What follows Prisma's schema cannot express: the functions and trigger that keep
-- "searchVector" current, and the backfill of existing rows. src/search/config.ts mirrors
-- article_search_config for the query side: change both together.
--
-- No semicolon may appear in this file except at the end of a statement, not even in a comment:
-- @prisma/adapter-pg runs migration scripts by splitting them at every semicolon. The trigger
-- body therefore spells its semicolons as the escape \073 inside an E'' string.

-- The text-search configuration of an article language: stemming for the two languages the
-- corpus has, plain lower-cased words for anything else.
CREATE FUNCTION article_search_config(lang text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE lang WHEN 'en' THEN 'pg_catalog.english'::regconfig
                         WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
                         ELSE 'pg_catalog.simple'::regconfig END $$;

-- Title weighs most (A), then teaser (B), then body (C). The last lexeme, "config english" (or
-- spanish, simple), names the configuration: no parser produces a lexeme with a space, so only
-- queries can hold it, and a query that requires it matches rows of that configuration only.
-- That lets one tsquery, and so one GIN index scan with no per-row recheck, match each article
-- in its own language (see src/search/match.ts).
CREATE FUNCTION article_search_vector(lang text, title text, teaser text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector(article_search_config(lang), coalesce(title, '')), 'A')
            || setweight(to_tsvector(article_search_config(lang), coalesce(teaser, '')), 'B')
            || setweight(to_tsvector(article_search_config(lang), coalesce(body, '')), 'C')
            || array_to_tsvector(ARRAY['config ' || article_search_config(lang)::text]) $$;

CREATE FUNCTION article_search_vector_refresh() RETURNS trigger
  LANGUAGE plpgsql
  AS E'BEGIN
  NEW."searchVector" := article_search_vector(NEW."language", NEW."title", NEW."teaser", NEW."body")\073
  RETURN NEW\073
END';

CREATE TRIGGER "Article_searchVector_refresh"
  BEFORE INSERT OR UPDATE OF "title", "teaser", "body", "language" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION article_search_vector_refresh();

-- Rows written before this migration.
UPDATE "Article" SET "searchVector" = article_search_vector("language", "title", "teaser", "body");
