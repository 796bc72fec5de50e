import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection.ts';

@ObjectType({ description: 'One place where an article names a person, organisation or place: the evidence behind the link between them.' })
export class Mention {
  @Field(() => Int, { description: 'Start offset of the name in Article.body, in UTF-16 code units (JavaScript string indices).' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) of the name in Article.body, in UTF-16 code units.' })
  end!: number;

  articleId!: number;
  confidence!: number | null;
  type!: 'PER' | 'ORG' | 'LOC';
}

export const MentionConnection = ConnectionType(Mention, 'Mention', 'A page of mentions, newest article first, then in text order.');
