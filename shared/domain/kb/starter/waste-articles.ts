import { STARTER_REVIEW_BY, starterId, type StarterArticle } from './starter-article';

const owner = 'Waste & Recycling — customer service lead';
const common = { departmentCode: 'waste_recycling', owner, reviewBy: STARTER_REVIEW_BY } as const;

export const WASTE_ARTICLES: StarterArticle[] = [
  {
    ...common,
    id: starterId(1),
    title: 'Collection days: finding a household’s garbage, recycling and organics day',
    keywords: ['collection day', 'garbage day', 'pickup day', 'schedule', 'calendar', 'black cart', 'blue cart', 'green cart'],
    serviceCodes: ['collection-day-info', 'missed-cart-collection'],
    body: `## Answer
Every home with City carts has **one collection day a week**. Garbage (black cart) is collected every week;
recycling (blue cart) and organics (green cart) alternate weeks, except that organics go weekly from April to November.

## How to find the day
1. Ask for the civic address (house number and street).
2. Look it up in the collection-day map or the **Waste Wizard** on the City website.
3. Read the day back, and which cart goes out this week.

## Tips for the caller
- The free waste app and the printable calendar send a reminder the night before.
- The schedule moves one day later in a week with a statutory holiday (see *Holiday collection*).

Carts must be at the curb by **7:00 a.m.**; crews do not come back for carts set out late.`,
  },
  {
    ...common,
    id: starterId(2),
    title: 'Setting out carts: placement rules',
    keywords: ['cart placement', 'curb', 'alley', 'lid', 'spacing', 'set out', 'overflow'],
    serviceCodes: ['collection-day-info', 'missed-cart-collection'],
    body: `## Answer
Carts are emptied by an automated arm, so placement matters:

- At the curb or alley where the City collects, **wheels against the curb**, lid opening toward the street.
- **One metre** between carts and from cars, poles, fences and snowbanks.
- Lid closed; nothing on top or beside the cart. Extra bags are not collected.
- Out by **7:00 a.m.** and back in by the end of the day after collection.

If a cart was not emptied because of placement, the crew leaves a tag explaining why. That is **not** a missed
collection: the resident sets it out correctly on the next collection day.`,
  },
  {
    ...common,
    id: starterId(3),
    title: 'Missed cart collection: what to check before logging a request',
    keywords: ['missed pickup', 'not picked up', 'missed garbage', 'missed recycling', 'cart not emptied'],
    serviceCodes: ['missed-cart-collection'],
    body: `## Before logging
1. Confirm the collection day for the address (a wrong day is the most common cause).
2. Ask whether the cart was out by **7:00 a.m.** and placed correctly.
3. Ask whether a tag was left on the cart (placement, contamination or overweight).
4. On holiday weeks collection runs **one day later**.

## Log a *Missed Cart Collection* request when
- the cart was out on time and placed correctly, and
- it is before 4:00 p.m. the next working day.

Crews return within **one working day**. If the whole street was missed, say so in the notes: a route may be running late.`,
  },
  {
    ...common,
    id: starterId(4),
    title: 'Blue cart recycling: what goes in and what stays out',
    keywords: ['recycling', 'blue cart', 'plastics', 'glass', 'cardboard', 'contamination', 'what goes where'],
    serviceCodes: ['collection-day-info'],
    body: `## Accepted (loose, not bagged)
- Paper, newspaper, flyers, boxboard and **flattened cardboard**
- Plastic containers numbered 1, 2, 4 and 5, rinsed
- Tin and aluminium cans, foil plates
- Milk cartons and drink boxes

## Not accepted
- **Glass** — take it to a recycling depot
- Plastic bags and film, Styrofoam, coffee cups, batteries, propane cylinders
- Anything in a plastic bag

Contaminated carts get a tag and are not emptied. The Waste Wizard on the City website answers "which cart?" for
hundreds of items.`,
  },
  {
    ...common,
    id: starterId(5),
    title: 'Green cart organics: food and yard waste',
    keywords: ['organics', 'green cart', 'compost', 'food waste', 'yard waste', 'grass', 'leaves', 'kitchen pail'],
    serviceCodes: ['collection-day-info', 'new-extra-cart'],
    body: `## Accepted
- All food scraps, including meat, bones, dairy and coffee grounds
- Food-soiled paper: napkins, paper towels, pizza boxes
- Yard waste: grass, leaves, garden trimmings, small branches (under 5 cm across, 1 m long)

## Not accepted
- Plastic or "compostable" plastic bags, pet waste, diapers, sod, rocks

## Season
Weekly from **April to November**, every second week in winter. Kitchen pails are free at City Hall while supplies last.`,
  },
  {
    ...common,
    id: starterId(6),
    title: 'Holiday collection schedule',
    keywords: ['holiday', 'statutory holiday', 'christmas', 'new year', 'late collection', 'schedule change'],
    serviceCodes: ['collection-day-info', 'missed-cart-collection'],
    body: `## Answer
In a week with a statutory holiday on a weekday, collection from the holiday on moves **one day later**
(Monday's moves to Tuesday, Friday's to Saturday). Days before the holiday are not affected.

There is **no collection on Christmas Day and New Year's Day**; those days move to the Saturday.

The waste app and the City website show the adjusted calendar. The Waste & Recycling Centre is closed on statutory holidays.`,
  },
  {
    ...common,
    id: starterId(7),
    title: 'Large item pickup: booking, limits and fees',
    keywords: ['large item', 'bulky item', 'furniture', 'mattress', 'couch', 'appliance', 'fridge', 'big garbage'],
    serviceCodes: ['large-item-collection'],
    body: `## Answer
Households with City carts may book **large item collection** through 311. Each booking takes up to **3 items**.

- The **first pickup each year is free**; further pickups are $25 each, added to the utility bill.
- Accepted: furniture, mattresses, box springs, barbecues (no propane tank), carpets rolled and tied.
- Appliances with refrigerant (fridges, freezers, air conditioners) need a **Freon removal tag** first.
- Not accepted: renovation waste, tires, hazardous waste, items over 45 kg that two people cannot lift.

## Booking
Log a *Large Item Collection* request. Items go out **by 7:00 a.m. on the booked day**, where the carts go, not blocking
the sidewalk. Pickups are usually booked within two weeks; the busiest months are May and June.`,
  },
  {
    ...common,
    id: starterId(8),
    title: 'Damaged, stolen or missing carts',
    keywords: ['broken cart', 'cart repair', 'stolen cart', 'missing cart', 'cracked lid', 'wheel', 'replacement'],
    serviceCodes: ['damaged-stolen-cart'],
    body: `## Answer
Carts belong to the address, not the resident. The City repairs or replaces them **at no charge** when damage
comes from normal use or collection.

- **Broken lid or wheel:** log a request; a crew repairs it at the curb within 5 working days.
- **Stolen or missing:** check with neighbours and the alley first, then log a request with the serial number if known.
- **Damaged by misuse** (fire, hot ashes, vandalism by the owner): replacement costs $90.

Leave the damaged cart out on collection day; it is still emptied if the arm can lift it.`,
  },
  {
    ...common,
    id: starterId(9),
    title: 'Extra, larger or smaller carts',
    keywords: ['extra cart', 'second cart', 'bigger cart', 'smaller cart', 'cart size', 'new home cart'],
    serviceCodes: ['new-extra-cart'],
    body: `## Answer
Standard carts are 240 L. Residents may ask for:

- A **second garbage cart** — $10.50 a month on the utility bill.
- A **second recycling or organics cart** — free.
- A **smaller 120 L garbage cart** — lowers the monthly waste charge.

New homes get a full set of carts within 10 working days of the utility account opening.
Log a *New or Extra Cart Request* with the account holder's name; changes show on the next bill.`,
  },
  {
    ...common,
    id: starterId(10),
    title: 'Waste & Recycling Centre (landfill): hours, fees and what it accepts',
    keywords: ['landfill', 'dump', 'transfer station', 'tipping fee', 'load', 'hours', 'scale'],
    serviceCodes: [],
    body: `## Hours
Open **every day 8:00 a.m.–5:00 p.m.** (summer: until 7:00 p.m. on weekdays); closed on statutory holidays.

## Fees
- Minimum charge **$10** per load; over 500 kg, by weight at the scale.
- Loads must be **covered and secured**, or the fee doubles.
- Yard waste and clean wood: reduced rate; recyclables, electronics, paint and tires: free drop-off.

Payment by debit, credit or cash. Commercial haulers need an account.`,
  },
  {
    ...common,
    id: starterId(11),
    title: 'Household hazardous waste drop-off',
    keywords: ['hazardous waste', 'paint', 'batteries', 'propane', 'chemicals', 'oil', 'electronics', 'sharps'],
    serviceCodes: [],
    body: `## Answer
Residents drop off household hazardous waste **free** at the Waste & Recycling Centre, any day it is open.

Accepted: paint, stains, solvents, motor oil and filters, antifreeze, batteries, propane cylinders,
pesticides, fluorescent bulbs, and electronics.

- Keep products in their original containers, lids tight; do not mix.
- **Sharps** go to a pharmacy in an approved container.
- Businesses use a licensed hazardous waste contractor.

Never put hazardous waste in any cart: it starts truck fires.`,
  },
  {
    ...common,
    id: starterId(12),
    title: 'Christmas tree collection',
    keywords: ['christmas tree', 'tree recycling', 'january', 'real tree', 'holiday tree'],
    serviceCodes: ['collection-day-info'],
    body: `## Answer
Real Christmas trees are collected **in the first two weeks of January** on the regular organics day.

- Remove all decorations, lights, tinsel, stands and bags.
- Trees over 2 m must be cut in half.
- Leave the tree beside the green cart, not in it.

Trees can also be dropped at the Waste & Recycling Centre free until January 31. They are chipped into mulch
for City parks. Artificial trees go to large item pickup or the landfill.`,
  },
  {
    ...common,
    id: starterId(13),
    title: 'Reporting illegal dumping',
    keywords: ['illegal dumping', 'dumped', 'abandoned furniture', 'alley', 'garbage left', 'fly tipping'],
    serviceCodes: ['illegal-dumping'],
    body: `## Answer
Dumping on public land or in alleys is an offence under the Waste Bylaw (fines from $500).

## Log an *Illegal Dumping* request with
- the exact location (address, or the nearest intersection and alley side)
- what was dumped and roughly how much
- whether it is on **private** property (then it is a Bylaw matter for the owner) or public land
- anything hazardous (needles, chemicals): flag it as a safety hazard

Public land is cleaned within 5 working days. If the caller saw who dumped it (licence plate, time), record it
for Bylaw Enforcement; do not ask the caller to confront anyone.`,
  },
];
