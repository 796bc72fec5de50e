import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OrganizationKind } from '../enums.ts';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';

@ObjectType({ implements: Node, description: 'An organisation: a government ("the Kremlin"), ministry, news agency, company or party. Organisations can be speakers.' })
export class Organization implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Canonical name, e.g. "Kremlin".' })
  name!: string;

  @Field(() => [String], { description: 'Other names used for it, e.g. "Moscow" when the capital stands for the government.' })
  aliases!: string[];

  @Field(() => OrganizationKind, { description: 'What kind of organisation it is.' })
  kind!: OrganizationKind;
}

export const OrganizationConnection = ConnectionType(Organization, 'Organization', 'A page of organisations.');
