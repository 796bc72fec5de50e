-- Places geocoded from the committed gazetteer (src/geo/): coordinates, ISO country code, GeoNames id
-- (cities only) and the population of the reading stored, which decides between two readings of one
-- name whatever the order of the articles. All nullable: existing rows are geocoded when re-ingested.
ALTER TABLE "place" ADD COLUMN "latitude" DOUBLE PRECISION,
ADD COLUMN "longitude" DOUBLE PRECISION,
ADD COLUMN "country_code" VARCHAR(2),
ADD COLUMN "geonames_id" INTEGER,
ADD COLUMN "population" INTEGER;
