-- CreateIndex
CREATE INDEX "Article_publishedAt_asc_id_idx" ON "Article"("publishedAt", "id");

-- What Prisma's schema cannot express: article lists order undated rows last ("publishedAt" DESC
-- NULLS LAST), and a plain DESC index sorts NULLs first, so PostgreSQL would sort the whole table
-- for every page. The same indexes, with NULLs last. Prisma's schema description ignores NULLS
-- LAST, so schema.prisma and the migrations still agree.
DROP INDEX "Article_publishedAt_id_idx";
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);
DROP INDEX "Article_sourceId_publishedAt_id_idx";
CREATE INDEX "Article_sourceId_publishedAt_id_idx" ON "Article"("sourceId", "publishedAt" DESC NULLS LAST, "id" DESC);
DROP INDEX "Article_listedAt_id_idx";
CREATE INDEX "Article_listedAt_id_idx" ON "Article"("listedAt" DESC NULLS LAST, "id" DESC);
