import { graphql } from './gql/index.ts';

// Operations are plain GraphQL in graphql() calls; codegen reads them and types each one.

export const PersonSpeakerFragment = graphql(`
  fragment PersonSpeaker on Person {
    id
    name
    roles
  }
`);

export const OrganizationSpeakerFragment = graphql(`
  fragment OrganizationSpeaker on Organization {
    id
    name
    kind
  }
`);

/** Articles with their statements; the speaker is a union, narrowed by __typename. */
export const ArticlesWithStatementsQuery = graphql(`
  query TypedArticlesWithStatements($first: Int!) {
    articles(first: $first) {
      totalCount
      nodes {
        id
        title
        publishedAt
        statements(first: 20) {
          nodes {
            kind
            text
            speakerText
            speaker {
              __typename
              ...PersonSpeaker
              ...OrganizationSpeaker
            }
          }
        }
      }
    }
  }
`);

/** Any object by global ID; only a Person has fields selected here. */
export const PersonByIdQuery = graphql(`
  query TypedPersonById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Person {
        name
        aliases
        statements(first: 5) {
          totalCount
          nodes {
            text
          }
        }
      }
    }
  }
`);

/** The live feed: direct quotations as they are stored (a subscription, sent over WebSocket). */
export const LiveQuotationsSubscription = graphql(`
  subscription TypedLiveQuotations {
    statementAdded(filter: { kind: DIRECT }) {
      id
      text
      speaker {
        __typename
        ...PersonSpeaker
        ...OrganizationSpeaker
      }
      article {
        title
      }
    }
  }
`);
