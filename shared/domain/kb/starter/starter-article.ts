import type { ArticleFields } from '../article';

/** A starter article: its fields and a fixed id, the same on every desk and in every tenant. */
export interface StarterArticle extends ArticleFields {
  id: string;
}

/**
 * Starter ids are fixed UUIDv7s (2026-01-05, numbered in the last group), so the copy a desk ships
 * with and the copy a tenant is seeded with are the same articles and a pull replaces one with the other.
 */
export function starterId(n: number): string {
  return `019b8ee3-${n.toString(16).padStart(4, '0')}-7000-8000-5ca7${n.toString(16).padStart(8, '0')}`;
}

/** The first review of the starter set: a centre checks every article against its own city before then. */
export const STARTER_REVIEW_BY = '2027-03-31';
