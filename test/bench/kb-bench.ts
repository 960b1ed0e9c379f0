import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalog, type Agent } from '../../shared/domain';
import { STARTER_ARTICLES, STARTER_UPDATED_AT, starterFields, starterId, type Article } from '../../shared/domain/kb';
import { createCallOperation, createConsoleHandlers } from '../../main/core/console-api';
import { openDeskDatabase, type WritableDb } from '../../main/core/db/connection';
import type { DeskState } from '../../main/core/desk-session';
import { markKbChanged, storeArticle } from '../../main/core/kb/article-store';
import { percentile, round } from './stats';

const ARTICLES = 5_000;
const SPECIALIST: Agent = { id: 'bench-specialist', name: 'Bench Specialist', role: 'specialist' };

/** A small deterministic generator (mulberry32): the same desk and queries on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PLACES = ['Westminster', 'Lakeview', 'Copperwood', 'Fairmont', 'Riverstone', 'Legacy Ridge', 'Sunridge', 'Uplands', 'Henderson Lake', 'Indian Battle', 'Staffordville', 'Glendale', 'Park Lake', 'Paradise Canyon', 'Varsity Village', 'Crossings', 'Southgate', 'Agnes Davidson', 'Tudor Estates', 'Heritage Heights'];
const FACILITIES = ['Cor Van Raay YMCA', 'Nicholas Sheran Arena', 'Fritz Sick Pool', 'ATB Centre', 'Galt Museum', 'Helen Schuler Nature Centre', 'Crossings Library', 'Main Library', 'Westminster Pool', 'Enmax Centre'];
const TOPICS = ['construction detours', 'seasonal hours', 'holiday closures', 'fee changes for next year', 'accessibility', 'a pilot program', 'ward boundaries', 'a public engagement survey', 'the budget consultation', 'volunteer opportunities'];

/** 5,000 articles: the starter set in district, facility and topic variations, each with words of its own. */
function generateArticles(): Article[] {
  const next = random(311);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: ARTICLES }, (_, i) => {
    const base = STARTER_ARTICLES[i % STARTER_ARTICLES.length]!;
    const place = pick(PLACES);
    const facility = pick(FACILITIES);
    const topic = pick(TOPICS);
    const code = `ref${(i * 7919) % 100_000}`;
    const body = `${base.body}\n\n## In ${place}\n${place} residents near ${facility} should also know about ${topic}. Reference ${code} for staff; the notice posted ${1 + (i % 28)} days ago applies until further notice.`;
    return {
      ...starterFields(base),
      id: i < STARTER_ARTICLES.length ? base.id : starterId(1_000 + i),
      title: i < STARTER_ARTICLES.length ? base.title : `${base.title} — ${place}, ${topic}`,
      body,
      keywords: [...base.keywords, place.toLowerCase(), code],
      reviewBy: next() < 0.1 ? '2026-06-30' : base.reviewBy,
      version: i + 1,
      updatedAt: STARTER_UPDATED_AT,
      updatedBy: 'Bench Lead',
    };
  });
}

function fillDesk(db: WritableDb): void {
  db.transaction(() => {
    for (const article of generateArticles()) storeArticle(db, article);
    markKbChanged(db, ARTICLES);
  })();
  // A desk merges its indexes in idle maintenance, as it does for cases.
  db.exec("INSERT INTO kb_search (kb_search) VALUES ('optimize')");
}

const QUESTIONS = [
  'dog licence renewal', 'how do i pay my utility bill', 'large item pickup mattress', 'when is garbage day', 'missed recycling collection',
  'blue cart glass', 'green cart pizza boxes', 'bus pass for seniors', 'low income transit pass', 'lost phone on the bus',
  'sewer backup in basement', 'brown water from tap', 'pothole on my street', 'streetlight out pole number', 'barking dog at night',
  'snow removal sidewalk', 'christmas tree pickup', 'landfill hours and fees', 'hazardous waste paint', 'building permit for a deck',
  'council meeting agenda', 'parking ticket dispute', 'cat licence fee', 'pre-authorized payment', 'moving out final bill',
  'high water bill leak', 'accessible transit booking', 'swimming lessons registration', 'tree branch fell on sidewalk', 'noise quiet hours',
];

/** One-edit typos: a swap of neighbours, a dropped letter, a doubled letter or a wrong one. */
function typo(word: string, next: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = Math.floor(next() * 4);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + 'x' + word.slice(at + 1);
}

/** What the search sees while a specialist types: every prefix from the third letter, then typo'd versions. */
function typedQueries(): string[] {
  const next = random(42);
  const queries: string[] = [];
  for (const question of QUESTIONS) {
    for (let length = 3; length <= question.length; length += 2) queries.push(question.slice(0, length));
    queries.push(question.split(' ').map((word) => (next() < 0.5 ? typo(word, next) : word)).join(' '));
    queries.push(`${typo(question, next)} `);
  }
  return queries;
}

/** kb_search_p95_ms: the searchArticles operation (input parsed, output checked) on a desk with 5,000 articles. */
export async function measureKbSearch(log: (line: string) => void): Promise<{ kb_search_p95_ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'civicdesk-kb-bench-'));
  try {
    const { db } = openDeskDatabase(join(dir, 'desk.sqlite'));
    log(`knowledge base: writing ${ARTICLES.toLocaleString('en-CA')} articles…`);
    fillDesk(db);
    const state: DeskState = { session: { deskCode: 'D07', timeZone: 'America/Edmonton', agent: SPECIALIST }, catalog: defaultCatalog, now: () => Date.parse('2026-11-27T18:00:00Z') };
    const call = createCallOperation(createConsoleHandlers(db, state));
    const queries = typedQueries();
    const search = (query: string, serviceCode: string | null) => {
      const started = performance.now();
      const result = call('searchArticles', { query, serviceCode, limit: 5 });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`bench: searchArticles '${query}': ${result.error.message}`);
      return ms;
    };
    // The first search after a change loads the word list; a desk pays that once per sync that changed articles.
    const firstMs = search('warm up', null);
    const services = defaultCatalog.serviceTypes.map((t) => t.code);
    const times = queries.map((query, i) => search(query, i % 3 === 0 ? services[i % services.length]! : null));
    const p95 = round(percentile(times, 95), 2);
    log(`knowledge base: ${times.length} typed queries, p50 ${round(percentile(times, 50), 2)} ms, p95 ${p95} ms, max ${round(Math.max(...times), 2)} ms (first search, loading the word list: ${round(firstMs, 1)} ms)`);
    db.close();
    return { kb_search_p95_ms: p95 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
