import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A stretch of an article body and the words written there, for highlighting where a claim of the graph comes from.' })
export class TextSpan {
  @Field(() => Int, { description: 'Start offset in Article.body, in UTF-16 code units (JavaScript string indices).' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive) in Article.body, in UTF-16 code units.' })
  end!: number;

  @Field(() => String, { description: 'The article body between start and end, exactly as written.' })
  text!: string;
}
