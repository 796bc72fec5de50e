import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';

@ObjectType({ implements: Node, description: 'A person named in the news, merged across articles (Kim = Chairman Kim = Kim Jong Un).' })
export class Person implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Canonical full name, e.g. "Kim Jong Un".' })
  name!: string;

  @Field(() => [String], { description: 'Other names the articles use for this person, e.g. "Chairman Kim".' })
  aliases!: string[];

  @Field(() => [String], { description: 'Titles and roles the articles give this person, e.g. "US Secretary of State".' })
  roles!: string[];
}

export const PersonConnection = ConnectionType(Person, 'Person', 'A page of people.');
