import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
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

  @Field(() => Float, { nullable: true, description: 'Latitude in degrees (WGS84) from the gazetteer: the city itself, a country\'s capital, a US state\'s capital; null when the gazetteer does not know the place or has no point for it (continents, other regions).' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees (WGS84), east positive; null as for `latitude`.' })
  longitude!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country the place is in (or is), e.g. "RU"; null when unknown.' })
  countryCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'GeoNames id of the place (https://www.geonames.org/<id>) for cities; null for countries, regions and places the gazetteer lacks. Where an ambiguous name ("Paris") was read as different places by different articles, the stored reading is the more populous one.' })
  geonamesId!: number | null;
}

export const PlaceConnection = ConnectionType(Place, 'Place', 'A page of places.');
