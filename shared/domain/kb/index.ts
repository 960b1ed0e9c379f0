export * from './article';
export * from './search-text';
export { STARTER_ARTICLES, STARTER_REVIEW_BY, STARTER_UPDATED_AT, starterFields, starterId, type StarterArticle } from './starter';
