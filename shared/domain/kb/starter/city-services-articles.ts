import { STARTER_REVIEW_BY, starterId, type StarterArticle } from './starter-article';

const at = (departmentCode: string, owner: string) => ({ departmentCode, owner, reviewBy: STARTER_REVIEW_BY });

export const CITY_SERVICE_ARTICLES: StarterArticle[] = [
  {
    ...at('roads_snow', 'Roads & Snow — operations dispatcher'),
    id: starterId(38),
    title: 'Snow removal: priorities and sidewalk clearing',
    keywords: ['snow removal', 'snow plow', 'plowing', 'sidewalk snow', 'icy', 'sanding', 'windrow', 'snow clearing'],
    serviceCodes: ['snow-ice-removal'],
    body: `## Priorities
1. **Priority 1:** arterial roads, bus routes and hills — within 36 hours after a snowfall ends.
2. **Priority 2:** collector roads and school zones — within 72 hours.
3. **Residential streets:** bladed only when snow is over 10 cm packed, in a city-wide rotation.

## Sidewalks
Residents and businesses must clear the sidewalks next to their property **within 24 hours** after snow stops.
Log a *Snow & Ice Removal* request for an uncleared sidewalk (address) or an icy intersection; for a windrow
blocking a driveway, seniors and people with disabilities can ask for the Snow Angels volunteer program.`,
  },
  {
    ...at('roads_snow', 'Roads & Snow — operations dispatcher'),
    id: starterId(39),
    title: 'Reporting potholes and road damage',
    keywords: ['pothole', 'road damage', 'cracked road', 'sinkhole', 'vehicle damage claim'],
    serviceCodes: ['pothole'],
    body: `## Answer
Log a *Pothole* request with the exact location (address or intersection and lane). Potholes are filled within
**5 working days**, or within 24 hours when they are deep on a major road.

A **sinkhole** or a hole that could damage a car at speed is urgent: mark it a safety hazard.

## Vehicle damage
Claims go to the City's Risk Management office in writing within 30 days, with photos and repair estimates.
The City pays only when it knew of the pothole and did not act in reasonable time.`,
  },
  {
    ...at('roads_snow', 'Roads & Snow — traffic operations'),
    id: starterId(40),
    title: 'Streetlight outages',
    keywords: ['streetlight', 'street light out', 'lamp out', 'dark street', 'flickering light', 'pole number'],
    serviceCodes: ['streetlight-out', 'traffic-signal-malfunction'],
    body: `## Answer
Log a *Streetlight Out* request with the **pole number** (on a tag about 2 m up the pole) or the nearest address.

- Lights on residential streets are repaired within 10 working days; on major roads, within 5.
- A **traffic signal** that is dark or flashing is urgent: log a *Traffic Signal Malfunction* at once. A knocked-down pole or live wires: 911.
- Lights in a private parking lot or lane belong to the property owner.`,
  },
  {
    ...at('water_sewer', 'Water & Sewer — utility operations dispatcher'),
    id: starterId(41),
    title: 'No water, low pressure or a water main break',
    keywords: ['no water', 'water main break', 'water off', 'low pressure', 'flooding street', 'water shut off'],
    serviceCodes: ['water-main-break', 'no-water-low-pressure'],
    body: `## Ask first
- Is it **the whole house or one tap**? One tap is a plumbing problem for the owner.
- Are the neighbours affected? Check the service alerts map for planned shut-offs in the area.

## Urgent (24/7)
Water running up through the road or a sidewalk, or no water to several homes: log a *Water Main Break* as urgent;
crews respond within 2 hours. Planned repairs give 24 hours' notice by door hanger.

After water comes back, run the cold tap for a few minutes until it runs clear.`,
  },
  {
    ...at('water_sewer', 'Water & Sewer — utility operations dispatcher'),
    id: starterId(42),
    title: 'Sewer backup: what to do',
    keywords: ['sewer backup', 'basement flooding', 'drain backing up', 'sewage', 'floor drain', 'plumber'],
    serviceCodes: ['sewer-backup'],
    body: `## What to tell the caller now
1. **Stop using water** (no flushing, laundry or dishwasher).
2. Stay out of standing sewage; keep children and pets away.
3. Call their home insurer.

## Log a *Sewer Backup* as urgent
A crew checks the **City main** within 2 hours, day or night. If the main is clear, the blockage is in the
private line and the owner needs a plumber; the crew says so on site. A backflow valve prevents repeats — the
City's subsidy program covers part of the cost.`,
  },
  {
    ...at('water_sewer', 'Water & Sewer — water quality lab'),
    id: starterId(43),
    title: 'Water quality: taste, odour, colour and boil water advisories',
    keywords: ['water quality', 'brown water', 'discoloured water', 'chlorine taste', 'smell', 'boil water advisory', 'cloudy'],
    serviceCodes: ['water-quality'],
    body: `## Common and harmless
- **Cloudy** water that clears from the bottom up: air bubbles.
- A **chlorine** taste: chill a jug in the fridge.
- **Brown or yellow** water after nearby hydrant work or a main break: run the cold tap 10 minutes.

## Log a *Water Quality* request when
it lasts more than a day, smells of sewage or fuel, or someone became ill. The lab samples within 1 working day.

A **boil water advisory** is announced by the City and Alberta Health Services on the website, radio and the app; 311 reads out the affected area.`,
  },
  {
    ...at('parks_trees', 'Parks & Trees — urban forestry'),
    id: starterId(44),
    title: 'City trees: pruning, fallen branches and removal requests',
    keywords: ['tree pruning', 'boulevard tree', 'fallen tree', 'branch down', 'tree removal', 'dead tree', 'stump'],
    serviceCodes: ['tree-pruning', 'fallen-tree-branch'],
    body: `## Whose tree is it?
Trees on **boulevards and in parks** are the City's; trees on private property are the owner's.

- **Pruning** of City trees is on a 7-year cycle; clearance over sidewalks (2.5 m) and roads (4.5 m) can be requested any time.
- A **fallen tree or branch** blocking a road, sidewalk or on a power line: urgent. Power lines: the caller stays 10 m away and calls the electric utility.
- Residents may not prune or remove City trees themselves (fine up to $1,000).

Elm pruning is banned **April 1 to September 30** to stop Dutch elm disease.`,
  },
  {
    ...at('recreation_culture', 'Recreation & Culture — registration desk'),
    id: starterId(45),
    title: 'Registering for recreation programs and swimming lessons',
    keywords: ['recreation', 'program registration', 'swimming lessons', 'pool', 'arena', 'fee assistance', 'activity guide'],
    serviceCodes: ['recreation-program-inquiry'],
    body: `## Answer
Programs are listed in the seasonal **activity guide** (online and at facilities). Registration opens:

| Season | Opens |
| --- | --- |
| Winter | early December |
| Spring | early March |
| Summer | early May |
| Fall | mid August |

Register online or at any facility front desk. Refunds minus a $10 fee until 7 days before the first class.
Residents with low income can get **fee assistance** (same application as the low-income transit pass).`,
  },
  {
    ...at('planning_development', 'Planning & Development — permit services'),
    id: starterId(46),
    title: 'Building and development permits: when one is needed',
    keywords: ['building permit', 'development permit', 'deck', 'garage', 'fence', 'renovation', 'basement suite', 'shed'],
    serviceCodes: ['permit-inquiry', 'construction-without-permit'],
    body: `## Usually needs a permit
- Decks higher than 0.6 m, garages, additions, and sheds over 10 m²
- Basement development or a secondary suite
- Structural, plumbing, gas and electrical work

## Usually does not
- Fences under 2 m in back yards (1 m in front), painting, shingling, cabinets, flooring

Apply online with a site plan; simple residential permits take about **10 business days**. Work started without
a permit: log *Construction Without a Permit* with the address; an inspector visits.`,
  },
  {
    ...at('general_info', '311 — centre supervisor'),
    id: starterId(47),
    title: 'Services the City does not provide: where to transfer callers',
    keywords: ['transfer', 'not city', 'provincial', 'property tax', 'power outage', 'gas leak', 'health', 'drivers licence', 'registry'],
    serviceCodes: ['agency-transfer', 'general-information'],
    body: `## Common transfers
| Caller asks about | Send them to |
| --- | --- |
| Gas smell or gas leak | Leave the building, then the gas utility's 24-hour line (or 911) |
| Power outage | The electric utility's outage line |
| Driver's licence, vehicle registration | A provincial registry agent |
| Health concern, restaurant complaint | The provincial health authority (811 for nurse advice) |
| Community and social supports | 211 |
| Crime in progress, fire, medical emergency | **911** |
| Non-emergency police | The police non-emergency line |

Property **assessment and taxes** are City services: transfer to the Assessment & Taxation office during business hours.`,
  },
  {
    ...at('general_info', '311 — centre supervisor'),
    id: starterId(48),
    title: 'City Hall hours, council meetings and contacting a councillor',
    keywords: ['city hall', 'hours', 'council meeting', 'councillor', 'mayor', 'public hearing', 'address city hall'],
    serviceCodes: ['council-city-hall', 'general-information'],
    body: `## City Hall
Open **Monday to Friday, 8:00 a.m.–4:30 p.m.**, closed on statutory holidays. 311 answers 7:00 a.m.–7:00 p.m. on weekdays
and 9:00 a.m.–5:00 p.m. on weekends.

## Council
- Council meets on the **first and third Tuesday** of the month at 9:30 a.m. in Council Chambers; meetings are streamed live.
- Agendas are posted the Thursday before. Residents may ask to speak as a delegation through the City Clerk.
- Each councillor's email and phone number are on the City website; messages to all of council go through the Clerk's office.`,
  },
];
