-- The default order of every article list (root `articles`, and the newest-first traversals that start
-- from it): newest dated article first, undated last, id as the tie-break. Without an index in exactly
-- this order (NULLS LAST, which Prisma's schema language cannot express) each page sorts the whole table.
CREATE INDEX "article_newest_first_idx" ON "article" ("published_at" DESC NULLS LAST, "id" DESC);
