import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlaceKind } from '../enums.ts';
import { Node } from '../node/node.interface.ts';
import { ConnectionType } from '../pagination/connection.ts';

@ObjectType({ implements: Node, description: 'A city, country or region mentioned in articles or where events happen.' })
export class Place implements Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;

  @Field(() => Int, { description: 'Primary key in the database (stable, but prefer `id`).' })
  rowId!: number;

  @Field(() => String, { description: 'Canonical name, e.g. "Vladivostok".' })
  name!: string;

  @Field(() => [String], { description: 'Other names used for it.' })
  aliases!: string[];

  @Field(() => PlaceKind, { description: 'What kind of place it is.' })
  kind!: PlaceKind;
}

export const PlaceConnection = ConnectionType(Place, 'Place', 'A page of places.');
