import type { Catalog, ServiceType } from '../../../../shared/domain';

export interface TypeMatch {
  type: ServiceType;
  departmentName: string;
  score: number;
}

interface Indexed {
  type: ServiceType;
  departmentName: string;
  name: string;
  keywords: string[];
  department: string;
}

const indexes = new WeakMap<Catalog, Indexed[]>();

function indexOf(catalog: Catalog): Indexed[] {
  let index = indexes.get(catalog);
  if (!index) {
    const departments = new Map(catalog.departments.map((d) => [d.code, d.name]));
    index = catalog.serviceTypes.map((type) => {
      const departmentName = departments.get(type.departmentCode) ?? type.departmentCode;
      return { type, departmentName, name: type.name.toLowerCase(), keywords: type.keywords.map((k) => k.toLowerCase()), department: departmentName.toLowerCase() };
    });
    indexes.set(catalog, index);
  }
  return index;
}

function wordScore(entry: Indexed, word: string): number {
  const nameWords = entry.name.split(/[^a-z0-9]+/);
  if (nameWords.some((w) => w.startsWith(word))) return entry.name.startsWith(word) ? 12 : 9;
  if (entry.keywords.some((k) => k.startsWith(word))) return 7;
  if (entry.keywords.some((k) => k.split(' ').some((w) => w.startsWith(word)))) return 6;
  if (entry.department.split(/[^a-z0-9]+/).some((w) => w.startsWith(word))) return 4;
  if (entry.name.includes(word) || entry.keywords.some((k) => k.includes(word))) return 2;
  return 0;
}

/**
 * Type-ahead over the whole catalog: every typed word must prefix-match the type's name, a
 * keyword or its department. Name matches rank first; the catalog's order breaks ties.
 */
export function searchTypes(catalog: Catalog, query: string, limit = 8): TypeMatch[] {
  const words = query.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const index = indexOf(catalog);
  if (words.length === 0) return index.slice(0, limit).map((e) => ({ type: e.type, departmentName: e.departmentName, score: 0 }));
  const matches: TypeMatch[] = [];
  for (const entry of index) {
    let score = 0;
    for (const word of words) {
      const s = wordScore(entry, word);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score > 0) matches.push({ type: entry.type, departmentName: entry.departmentName, score });
  }
  return matches.sort((a, b) => b.score - a.score).slice(0, limit);
}
