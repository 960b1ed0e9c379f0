import type { CaseKind, Channel } from '../../../shared/domain';

/**
 * Shapes of a year at a mid-size 311 centre, after the City of Lethbridge's 2022 figures
 * (DESIGN.md): ~62% information requests, ~20% service requests, June the busiest month,
 * Utility Billing the largest area, Large Item Collection the largest service request type,
 * chat launched in October at about 4% of interactions.
 */

/** Relative volume per month, January first; June is the peak (~12.7% of the year). */
export const MONTH_WEIGHTS = [7.5, 7.2, 8.0, 8.3, 9.2, 12.7, 9.6, 9.0, 8.6, 8.0, 7.2, 6.7];

/** Relative volume per local hour of the day; the centre answers 07:00–19:00 and walk-ins from 08:30. */
export const HOUR_WEIGHTS: Record<number, number> = { 7: 3, 8: 8, 9: 12, 10: 13, 11: 12, 12: 9, 13: 10, 14: 10, 15: 9, 16: 7, 17: 4, 18: 3 };

export const KIND_WEIGHTS: Record<CaseKind, number> = { information: 62, service_request: 20, feedback: 10, transfer: 8 };

/** Channel shares before chat's launch month; from then on chat takes CHAT_SHARE. */
export const CHANNEL_WEIGHTS: Record<Exclude<Channel, 'chat'>, number> = { phone: 93, walk_in: 7 };
export const CHAT_LAUNCH_MONTH = 9; // October, zero-based
export const CHAT_SHARE = 0.041;

/** Service types per kind, weighted; every code must exist in the default catalog. */
export const SERVICE_WEIGHTS: Record<CaseKind, Record<string, number>> = {
  information: {
    'billing-inquiry': 30,
    'payment-arrangement': 6,
    'account-move': 8,
    'high-bill-investigation': 4,
    'transit-route-schedule': 12,
    'accessible-transit-booking': 3,
    'transit-lost-found': 2,
    'collection-day-info': 8,
    'general-information': 12,
    'council-city-hall': 3,
    'dog-licence': 3,
    'recreation-program-inquiry': 4,
    'permit-inquiry': 3,
  },
  service_request: {
    'large-item-collection': 11,
    'missed-cart-collection': 9,
    'damaged-stolen-cart': 5,
    'new-extra-cart': 4,
    'illegal-dumping': 3,
    'water-main-break': 2,
    'no-water-low-pressure': 4,
    'sewer-backup': 3,
    'water-quality': 3,
    'curb-stop-meter-leak': 4,
    'storm-drain-blocked': 2,
    'tree-pruning': 6,
    'fallen-tree-branch': 4,
    'park-maintenance': 3,
    'playground-damage': 1,
    'graffiti-in-park': 1,
    pothole: 6,
    'streetlight-out': 4,
    'traffic-signal-malfunction': 1,
    'snow-ice-removal': 5,
    'sidewalk-repair': 2,
    'road-sign-damaged': 1,
    'noise-complaint': 3,
    'unsightly-property': 2,
    'parking-complaint': 3,
    'barking-dog': 2,
    'animal-at-large': 2,
    'dead-animal-pickup': 1,
    'meter-reading-dispute': 2,
    'bus-stop-shelter': 1,
    'construction-without-permit': 1,
    'facility-maintenance': 1,
  },
  feedback: {
    'transit-complaint': 30,
    'general-information': 20,
    'billing-inquiry': 10,
    'snow-ice-removal': 10,
    'park-maintenance': 10,
    'missed-cart-collection': 10,
    'large-item-collection': 5,
    'noise-complaint': 5,
  },
  transfer: { 'agency-transfer': 80, 'general-information': 20 },
};

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Charlotte', 'Oliver', 'Amelia', 'William', 'Ava', 'Benjamin', 'Sophia', 'Lucas',
  'Chloe', 'Ethan', 'Harpreet', 'Gurpreet', 'Mei', 'Wei', 'Aiyana', 'Kiona', 'Mohammed', 'Fatima', 'Jean', 'Marie',
  'Daniel', 'Grace', 'Owen', 'Zoe', 'Jacob', 'Hannah', 'Raj', 'Priya', 'Tomasz', 'Anna', 'Kenji', 'Yuki', 'Diego', 'Lucia',
];
export const LAST_NAMES = [
  'Smith', 'Brown', 'Tremblay', 'Martin', 'Roy', 'Wilson', 'MacDonald', 'Gagnon', 'Johnson', 'Taylor', 'Campbell',
  'Anderson', 'Leblanc', 'Lee', 'Wong', 'Singh', 'Sandhu', 'Gill', 'Nguyen', 'Chen', 'Patel', 'Kowalski', 'Schmidt',
  'Friesen', 'Dueck', 'Heavy Runner', 'Crow Shoe', 'Many Guns', 'Van der Berg', 'Hoffman', 'Fraser', 'Murray', 'Kaur',
];
export const STREETS = [
  'Mayor Magrath Dr S', '3 Ave S', '4 Ave S', '5 Ave N', '6 Ave S', '13 St N', '13 St S', 'Stafford Dr N', 'Scenic Dr S',
  'Whoop-Up Dr W', 'University Dr W', 'Columbia Blvd W', 'McMaster Blvd W', 'Walsh Dr W', 'Jerry Potts Blvd W',
  'Parkside Dr S', 'Fairmont Blvd S', 'Metis Trail W', 'Sunridge Blvd W', 'Uplands Blvd N', 'Garry Dr W', 'Heritage Blvd W',
  '20 Ave N', '26 Ave N', '28 St S', '43 St S', '9 Ave N', '16 Ave S', 'Lakeview Dr S', 'Henderson Lake Blvd S',
];

/** Words a specialist writes in a case description, to give the search index realistic text. */
export const DESCRIPTION_PHRASES = [
  'caller asked about', 'resident reports', 'follow-up on previous call', 'wants a callback', 'concerned about',
  'needs information on', 'says this has happened before', 'neighbour also affected', 'near the school',
  'beside the bus stop', 'at the corner', 'in the back alley', 'since last week', 'since this morning',
  'urgent for seniors on the street', 'asked for the reference number', 'was transferred from the main line',
  'upset about the delay', 'thanked the crew', 'billing period question', 'moving next month',
  'account holder is out of town', 'spoke with the landlord', 'photos available by email',
];
