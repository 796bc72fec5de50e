import { createUnionType, Field, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.type.ts';
import { ConnectionType } from '../pagination/connection.ts';
import { Person } from '../person/person.type.ts';

@ObjectType({ description: 'A party to an event that the text names without a person or organisation of the graph: "police", "Democrats", "the rebels".' })
export class ActorGroup {
  @Field(() => String, { description: 'The group as the article names it.' })
  name!: string;
}

export const EventActor = createUnionType({
  name: 'EventActor',
  description: 'Who acted in an event, or was acted on: a person, an organisation (a country acts through its government), or a group the text names without either.',
  types: () => [Person, Organization, ActorGroup] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

export const EventActorConnection = ConnectionType(EventActor, 'EventActor', "A page of an event's actors on one side, by name: every actor any of its articles gives that side, once.");
