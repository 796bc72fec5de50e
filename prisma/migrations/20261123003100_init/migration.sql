-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('DIRECT', 'INDIRECT', 'MIXED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'RANGE');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('MEETING', 'SUMMIT', 'TALKS', 'VISIT', 'WEAPONS_TEST', 'LAUNCH', 'ANNOUNCEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('GOVERNMENT', 'MINISTRY', 'MEDIA', 'COMPANY', 'PARTY', 'INTERNATIONAL', 'OTHER');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('CITY', 'COUNTRY', 'REGION', 'OTHER');

-- CreateTable
CREATE TABLE "article" (
    "id" SERIAL NOT NULL,
    "natural_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT,
    "url" TEXT,
    "published_at" DATE,
    "dateline" TEXT,
    "body" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "extractor_version" TEXT NOT NULL,
    "origin" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "roles" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "OrganizationKind" NOT NULL DEFAULT 'OTHER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "PlaceKind" NOT NULL DEFAULT 'OTHER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "precision" "DatePrecision",
    "place_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "StatementKind" NOT NULL,
    "cue" TEXT,
    "speaker_person_id" INTEGER,
    "speaker_organization_id" INTEGER,
    "speaker_text" TEXT,
    "event_id" INTEGER,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_person" (
    "article_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "offsets" INTEGER[],
    "roles" TEXT[],

    CONSTRAINT "article_person_pkey" PRIMARY KEY ("article_id","person_id")
);

-- CreateTable
CREATE TABLE "article_organization" (
    "article_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "offsets" INTEGER[],

    CONSTRAINT "article_organization_pkey" PRIMARY KEY ("article_id","organization_id")
);

-- CreateTable
CREATE TABLE "article_place" (
    "article_id" INTEGER NOT NULL,
    "place_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "offsets" INTEGER[],

    CONSTRAINT "article_place_pkey" PRIMARY KEY ("article_id","place_id")
);

-- CreateTable
CREATE TABLE "event_article" (
    "event_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "offsets" INTEGER[],

    CONSTRAINT "event_article_pkey" PRIMARY KEY ("event_id","article_id")
);

-- CreateTable
CREATE TABLE "event_participant" (
    "event_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,

    CONSTRAINT "event_participant_pkey" PRIMARY KEY ("event_id","person_id")
);

-- CreateTable
CREATE TABLE "event_organization" (
    "event_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,

    CONSTRAINT "event_organization_pkey" PRIMARY KEY ("event_id","organization_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_natural_key_key" ON "article"("natural_key");

-- CreateIndex
CREATE UNIQUE INDEX "article_content_hash_key" ON "article"("content_hash");

-- CreateIndex
CREATE INDEX "article_published_at_idx" ON "article"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "person_name_key" ON "person"("name");

-- CreateIndex
CREATE UNIQUE INDEX "organization_name_key" ON "organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "place_name_key" ON "place"("name");

-- CreateIndex
CREATE UNIQUE INDEX "event_key_key" ON "event"("key");

-- CreateIndex
CREATE INDEX "event_start_date_idx" ON "event"("start_date");

-- CreateIndex
CREATE INDEX "event_place_id_idx" ON "event"("place_id");

-- CreateIndex
CREATE INDEX "statement_speaker_person_id_idx" ON "statement"("speaker_person_id");

-- CreateIndex
CREATE INDEX "statement_speaker_organization_id_idx" ON "statement"("speaker_organization_id");

-- CreateIndex
CREATE INDEX "statement_event_id_idx" ON "statement"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_article_id_start_offset_end_offset_key" ON "statement"("article_id", "start_offset", "end_offset");

-- CreateIndex
CREATE INDEX "article_person_person_id_idx" ON "article_person"("person_id");

-- CreateIndex
CREATE INDEX "article_organization_organization_id_idx" ON "article_organization"("organization_id");

-- CreateIndex
CREATE INDEX "article_place_place_id_idx" ON "article_place"("place_id");

-- CreateIndex
CREATE INDEX "event_article_article_id_idx" ON "event_article"("article_id");

-- CreateIndex
CREATE INDEX "event_participant_person_id_idx" ON "event_participant"("person_id");

-- CreateIndex
CREATE INDEX "event_organization_organization_id_idx" ON "event_organization"("organization_id");

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_person_id_fkey" FOREIGN KEY ("speaker_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_organization_id_fkey" FOREIGN KEY ("speaker_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_person" ADD CONSTRAINT "article_person_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_person" ADD CONSTRAINT "article_person_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_organization" ADD CONSTRAINT "article_organization_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_organization" ADD CONSTRAINT "article_organization_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_place" ADD CONSTRAINT "article_place_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_place" ADD CONSTRAINT "article_place_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_article" ADD CONSTRAINT "event_article_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_article" ADD CONSTRAINT "event_article_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_participant" ADD CONSTRAINT "event_participant_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_participant" ADD CONSTRAINT "event_participant_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_organization" ADD CONSTRAINT "event_organization_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_organization" ADD CONSTRAINT "event_organization_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
