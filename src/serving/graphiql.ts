// GraphiQL served entirely by the service (@graphql-yoga/render-graphiql inlines its scripts,
// styles and editor workers), so it works on a machine without internet access. It opens with
// the latest articles and a few example operations, one per tab.
import type { GraphiQLOptions } from "graphql-yoga";

const LATEST_ARTICLES = /* GraphQL */ `# Welcome to newsgraph: an archive of North Korean state media.
# Press the run button to see the latest articles, then explore the schema in the docs panel;
# the other tabs hold more examples.
query LatestArticles {
  articles(first: 5) {
    totalCount
    edges {
      node {
        title
        publishedAt
        source { label }
        persons(first: 3) { person { name } count }
        places(first: 3) { place { name kind } count }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const SEARCH = /* GraphQL */ `# Full-text search with highlighted snippets and facets.
query Search($query: String!) {
  search(query: $query, first: 5) {
    totalCount
    edges { score node { title publishedAt } highlights { title snippets } }
    facets { sources { source { label } count } persons(first: 5) { person { name } count } }
  }
}
`;

const PROVINCE = /* GraphQL */ `# A province finds articles about its counties and villages.
query Province($slug: String!) {
  place(slug: $slug) {
    name
    kind
    children(first: 10) { edges { node { name kind } } }
    articles(first: 5) { totalCount edges { node { title places { place { name } } } } }
  }
}
`;

const PERSON = /* GraphQL */ `# A person page: mentions, who else appears with them, their articles.
query Person($slug: String!) {
  person(slug: $slug) {
    name
    aliases
    mentionCount
    coMentioned(first: 5) { person { name } count }
    articles(role: MENTIONED, first: 5) { edges { node { title publishedAt } } }
  }
}
`;

export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: "newsgraph",
  defaultQuery: LATEST_ARTICLES,
  defaultTabs: [
    { query: LATEST_ARTICLES },
    { query: SEARCH, variables: JSON.stringify({ query: "rice harvest" }, null, 2) },
    { query: PROVINCE, variables: JSON.stringify({ slug: "south-hwanghae-province" }, null, 2) },
    { query: PERSON, variables: JSON.stringify({ slug: "kim-jong-un" }, null, 2) },
  ],
};

/**
 * Renders the page once per distinct options: it is some 9 MB of inlined scripts, and building
 * that string for each visit would cost time and memory for nothing. The module is loaded on
 * the first visit only, so a server nobody browses never holds it.
 */
export function offlineGraphiQL(): (options: GraphiQLOptions) => Promise<string> {
  const rendered = new Map<string, Promise<string>>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = rendered.get(key);
    if (!page) {
      page = import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) => renderGraphiQL(options));
      rendered.set(key, page);
    }
    return page;
  };
}
