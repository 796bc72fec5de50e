import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with a globally unique, opaque ID that `node(id:)` can fetch (Relay Object Identification).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique opaque ID.' })
  id!: string;
}
