// RelatedArticle: an article related to another (Article.related, in article.ts), with the people and places both name.
import type { Article as ArticleRow, Person as PersonRow, Place as PlaceRow } from "../generated/prisma/client.ts";
import { Article } from "./article.ts";
import { RelatedArticleRef } from "./refs.ts";
import { Person } from "./person.ts";
import { Place } from "./place.ts";
import { selectedRow, selectedRows } from "./computed-objects.ts";

export const RelatedArticle = RelatedArticleRef.implement({
  description: "An article related to another by the people and places both name.",
  fields: (t) => ({
    article: t.field({
      type: Article,
      description: "The related article.",
      // Non-null: the related statement joined the article a moment ago.
      resolve: async (hit, _args, ctx, info) => (await selectedRow<ArticleRow>(ctx, info, "Article", hit.articleId))!,
    }),
    score: t.float({
      description: "Sum over shared people and places of ln(articles / articles naming them): rarer ones weigh more.",
      resolve: (hit) => hit.score,
    }),
    sharedPersons: t.field({
      type: [Person],
      description: "People both articles name, rarest first.",
      resolve: (hit, _args, ctx, info) => selectedRows<PersonRow>(ctx, info, "Person", hit.personIds),
    }),
    sharedPlaces: t.field({
      type: [Place],
      description: "Places both articles name, rarest first.",
      resolve: (hit, _args, ctx, info) => selectedRows<PlaceRow>(ctx, info, "Place", hit.placeIds),
    }),
  }),
});
