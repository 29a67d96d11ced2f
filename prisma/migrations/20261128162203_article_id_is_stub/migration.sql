-- CreateIndex
CREATE INDEX "Article_id_isStub_idx" ON "Article"("id", "isStub");
