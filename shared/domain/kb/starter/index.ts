import type { ArticleFields } from '../article';
import { BYLAW_ARTICLES } from './bylaw-articles';
import { CITY_SERVICE_ARTICLES } from './city-services-articles';
import type { StarterArticle } from './starter-article';
import { TRANSIT_ARTICLES, UTILITY_ARTICLES } from './utility-transit-articles';
import { WASTE_ARTICLES } from './waste-articles';

export { STARTER_REVIEW_BY, starterId, type StarterArticle } from './starter-article';

/**
 * The knowledge base a new centre starts with: common questions of a mid-size Canadian city's 311
 * (about 100,000 people, modelled on Lethbridge). Amounts and hours are typical, not any city's own:
 * leads check each article against their city before its review date. Every desk ships it (a desk
 * that never synced still answers), and the server seeds it into a tenant with no articles.
 */
export const STARTER_ARTICLES: readonly StarterArticle[] = [...WASTE_ARTICLES, ...UTILITY_ARTICLES, ...TRANSIT_ARTICLES, ...BYLAW_ARTICLES, ...CITY_SERVICE_ARTICLES];

/** When the starter set was written: its articles' updatedAt. */
export const STARTER_UPDATED_AT = '2026-01-05T16:00:00.000Z';

export const starterFields = ({ id: _id, ...fields }: StarterArticle): ArticleFields => fields;
