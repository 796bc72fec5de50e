import { Field, InputType, registerEnumType } from 'type-graphql';
import type { Direction } from '../services/ordering.ts';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction. Ties are broken by row id in the same direction, so the order is stable across pages.',
  valuesConfig: { ASC: { description: 'Ascending: oldest, smallest or A first.' }, DESC: { description: 'Descending: newest, largest or Z first.' } },
});

export enum ArticleOrderField {
  PUBLISHED_AT = 'PUBLISHED_AT',
  TITLE = 'TITLE',
  INGESTED_AT = 'INGESTED_AT',
}
registerEnumType(ArticleOrderField, {
  name: 'ArticleOrderField',
  description: 'What to sort articles by.',
  valuesConfig: {
    PUBLISHED_AT: { description: 'Publication date (undated articles last in both directions). Default direction DESC.' },
    TITLE: { description: 'Headline, case-insensitively. Default direction ASC.' },
    INGESTED_AT: { description: 'When the article was first ingested. Default direction DESC.' },
  },
});

export enum EntityOrderField {
  MENTIONS = 'MENTIONS',
  STATEMENTS = 'STATEMENTS',
  NAME = 'NAME',
}
registerEnumType(EntityOrderField, {
  name: 'EntityOrderField',
  description: 'What to sort people, organisations or places by.',
  valuesConfig: {
    MENTIONS: { description: 'Number of articles mentioning them. Default direction DESC.' },
    STATEMENTS: { description: 'Number of statements attributed to them (places: mentions). Default direction DESC.' },
    NAME: { description: 'Canonical name, case-insensitively. Default direction ASC.' },
  },
});

export enum EventOrderField {
  START_DATE = 'START_DATE',
  ARTICLES = 'ARTICLES',
  TITLE = 'TITLE',
}
registerEnumType(EventOrderField, {
  name: 'EventOrderField',
  description: 'What to sort events by.',
  valuesConfig: {
    START_DATE: { description: 'When the event starts (undated events last in both directions). Default direction DESC.' },
    ARTICLES: { description: 'Number of articles reporting it. Default direction DESC.' },
    TITLE: { description: 'Title, case-insensitively. Default direction ASC.' },
  },
});

export enum StatementOrderField {
  PUBLISHED_AT = 'PUBLISHED_AT',
  CONFIDENCE = 'CONFIDENCE',
}
registerEnumType(StatementOrderField, {
  name: 'StatementOrderField',
  description: 'What to sort statements by.',
  valuesConfig: {
    PUBLISHED_AT: { description: "Publication date of the statement's article, then text order. Default direction DESC." },
    CONFIDENCE: { description: 'Extractor confidence. Default direction DESC.' },
  },
});

@InputType({ description: 'Order of an article list.' })
export class ArticleOrder {
  @Field(() => ArticleOrderField, { description: 'The field to sort by.' })
  field!: ArticleOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Direction; the field's natural direction when omitted." })
  direction?: Direction | null;
}

@InputType({ description: 'Order of a list of people, organisations or places.' })
export class EntityOrder {
  @Field(() => EntityOrderField, { description: 'The field to sort by.' })
  field!: EntityOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Direction; the field's natural direction when omitted." })
  direction?: Direction | null;
}

@InputType({ description: 'Order of an event list.' })
export class EventOrder {
  @Field(() => EventOrderField, { description: 'The field to sort by.' })
  field!: EventOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Direction; the field's natural direction when omitted." })
  direction?: Direction | null;
}

@InputType({ description: 'Order of a statement list.' })
export class StatementOrder {
  @Field(() => StatementOrderField, { description: 'The field to sort by.' })
  field!: StatementOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Direction; the field's natural direction when omitted." })
  direction?: Direction | null;
}
