/**
 * How close, and how recent, an open case of the same service type must be to count as a possible
 * duplicate of the request being taken. An open case within the radius is shown however old it is
 * (an unfilled pothole reported in spring is still the same pothole); a case found by address alone
 * only if it was logged in the window, since an address gathers unrelated requests over time.
 */
export interface DuplicateRule {
  /** Metres; null when only the same address counts (the request belongs to one household). */
  radiusMetres: number | null;
  /** Days back that a same-address match may have been logged. */
  windowDays: number;
}

export const DEFAULT_DUPLICATE_RULE: DuplicateRule = { radiusMetres: 100, windowDays: 30 };

/** Per service type (codes of the default catalog); a type not listed takes the default. */
export const DUPLICATE_RULE_OVERRIDES: Readonly<Record<string, Partial<DuplicateRule>>> = {
  // Point problems: two potholes half a block apart are two potholes.
  pothole: { radiusMetres: 50 },
  'graffiti-in-park': { radiusMetres: 30 },
  // Streetlights stand about 30–40 m apart: a wider radius would merge neighbouring poles.
  'streetlight-out': { radiusMetres: 30 },
  // One break floods a block: callers a street away are reporting the same break.
  'water-main-break': { radiusMetres: 250, windowDays: 7 },
  // Household requests: the neighbour's cart is not this caller's cart. Collection is weekly, so a
  // missed pickup from an earlier week is another miss.
  'missed-cart-collection': { radiusMetres: null, windowDays: 7 },
  'damaged-stolen-cart': { radiusMetres: null },
  'new-extra-cart': { radiusMetres: null },
  'large-item-collection': { radiusMetres: null },
};

export function duplicateRuleFor(serviceCode: string): DuplicateRule {
  return { ...DEFAULT_DUPLICATE_RULE, ...DUPLICATE_RULE_OVERRIDES[serviceCode] };
}
