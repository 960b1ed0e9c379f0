import { STARTER_REVIEW_BY, starterId, type StarterArticle } from './starter-article';

const billing = { departmentCode: 'utility_billing', owner: 'Utility Billing — customer accounts supervisor', reviewBy: STARTER_REVIEW_BY } as const;
const transit = { departmentCode: 'transit', owner: 'Transit — customer service coordinator', reviewBy: STARTER_REVIEW_BY } as const;

export const UTILITY_ARTICLES: StarterArticle[] = [
  {
    ...billing,
    id: starterId(14),
    title: 'Paying a utility bill',
    keywords: ['pay bill', 'utility bill', 'payment', 'online banking', 'credit card', 'due date', 'where to pay'],
    serviceCodes: ['billing-inquiry'],
    body: `## Ways to pay
- **Online or telephone banking:** add "City utilities" as a payee; the account number is the 10 digits at the top of the bill.
- **Pre-authorized payment:** withdrawn on the due date (see *Pre-authorized payment plan*).
- **In person:** City Hall cashiers, Monday–Friday 8:00 a.m.–4:30 p.m. (debit, cash, cheque).
- **Credit card:** through the online self-service portal (a third-party fee of 1.75% applies).
- **Mail or drop box:** cheque payable to the City, account number on the back.

Bank payments take **2–3 business days** to arrive: pay before the due date. Bills come monthly and are due 21 days after the bill date.`,
  },
  {
    ...billing,
    id: starterId(15),
    title: 'Reading a utility bill: what each charge is',
    keywords: ['bill explained', 'charges', 'water charge', 'sewer', 'waste charge', 'fixed charge', 'consumption'],
    serviceCodes: ['billing-inquiry', 'high-bill-investigation'],
    body: `## The charges
| Charge | What it is |
| --- | --- |
| Water – fixed | Monthly charge by meter size, the same whatever is used |
| Water – consumption | Cubic metres (m³) used × the rate |
| Wastewater | Based on water used; in summer capped at the winter average |
| Waste & recycling | Flat monthly charge for carts; a second garbage cart adds to it |
| Electric (if the City supplies it) | Energy used plus delivery charges |

An **estimated** reading is marked "E". The next actual reading corrects it.`,
  },
  {
    ...billing,
    id: starterId(16),
    title: 'Pre-authorized payment plan',
    keywords: ['pre-authorized', 'automatic payment', 'direct debit', 'pap', 'bank withdrawal', 'void cheque'],
    serviceCodes: ['billing-inquiry'],
    body: `## Answer
The bill is paid automatically from a bank account **on the due date**.

- Sign up with the online form or the paper form and a void cheque (or a direct deposit form from the bank).
- It starts with the **next bill** if received 10 days before its due date.
- To stop or change the bank account, give **10 days' notice** in writing.
- A payment returned by the bank costs $25, and after two returns the plan is cancelled.`,
  },
  {
    ...billing,
    id: starterId(17),
    title: 'Moving: starting or stopping utility service',
    keywords: ['moving', 'move in', 'move out', 'new account', 'close account', 'final bill', 'possession date', 'tenant', 'landlord'],
    serviceCodes: ['account-move'],
    body: `## Answer
Give at least **2 business days' notice** before the possession or move date.

## Needed
- Service address and move date
- Name(s) for the new account, phone number, and a mailing address for the final bill
- For tenants: the landlord's name; the landlord stays responsible for water if the tenant's account closes

A final meter reading is taken on the move date. There is a $30 account set-up fee on the first bill.
Log an *Account Transfer* request; read back the date.`,
  },
  {
    ...billing,
    id: starterId(18),
    title: 'High utility bill: common causes and checking for leaks',
    keywords: ['high bill', 'bill too high', 'leak', 'toilet leak', 'running toilet', 'water usage', 'irrigation'],
    serviceCodes: ['high-bill-investigation', 'meter-reading-dispute'],
    body: `## Ask first
- Was the last bill **estimated**? A catch-up after estimates looks high.
- More people at home, a new appliance, lawn watering or filling a pool or hot tub?

## Leak check the caller can do now
1. Turn off every tap and water-using appliance.
2. Look at the meter's small red dial or flow indicator: if it moves, there is a leak.
3. A running **toilet** is the usual culprit: a few drops of food colouring in the tank; colour in the bowl within 15 minutes means a leaking flapper.

If nothing explains it, log a *High Bill Investigation*. A one-time **leak adjustment** may apply once the leak is repaired (receipt needed).`,
  },
  {
    ...billing,
    id: starterId(19),
    title: 'Payment arrangements, late charges and disconnection notices',
    keywords: ['payment arrangement', 'cannot pay', 'late fee', 'penalty', 'disconnection', 'arrears', 'overdue'],
    serviceCodes: ['payment-arrangement'],
    body: `## Answer
A **late payment charge of 1.5%** applies to amounts unpaid after the due date.

Customers who cannot pay in full may ask for a **payment arrangement**: usually the overdue amount over up to
6 months, with current bills paid on time. Log a *Payment Arrangement Request*; Utility Billing calls back within 2 business days.

## Disconnection notice received
- Service is not disconnected while an arrangement is being set up: note the notice date in the request.
- Refer the caller to community support agencies (211) if they mention hardship.`,
  },
  {
    ...billing,
    id: starterId(20),
    title: 'Meter readings and estimated bills',
    keywords: ['meter reading', 'estimated bill', 'read my meter', 'meter access', 'dispute reading', 'remote reader'],
    serviceCodes: ['meter-reading-dispute'],
    body: `## Answer
Meters are read remotely every month. A bill is **estimated** when a reading fails, from the same month last year.

- The customer may send their own reading online, with a photo of the meter.
- If an actual reading seems wrong, log a *Meter Reading Dispute* with the reading the customer sees and when.
- A meter test can be requested; if the meter is accurate, a $60 test fee applies.`,
  },
  {
    ...billing,
    id: starterId(21),
    title: 'Paperless e-billing',
    keywords: ['ebill', 'e-billing', 'paperless', 'email bill', 'online account', 'self-service'],
    serviceCodes: ['billing-inquiry'],
    body: `## Answer
Customers register for **e-billing** in the online self-service portal with their account number and the amount of the last bill.
The bill then arrives by email each month instead of by mail, and the portal keeps two years of bills and usage.

Emails bouncing back turn paper bills on again. Only the account holder can register.`,
  },
];

export const TRANSIT_ARTICLES: StarterArticle[] = [
  {
    ...transit,
    id: starterId(22),
    title: 'Transit fares and passes',
    keywords: ['bus fare', 'transit pass', 'monthly pass', 'ticket', 'senior pass', 'youth pass', 'cash fare', 'transfer'],
    serviceCodes: ['transit-route-schedule'],
    body: `## Fares
| Fare | Price |
| --- | --- |
| Cash (exact change) | $3.00 |
| 10 rides | $25.00 |
| Adult monthly pass | $75.00 |
| Youth (6–17) monthly | $60.00 |
| Senior (65+) annual | $115.00 |

Children 5 and under ride free with a paying rider. A **transfer** is valid for 60 minutes in any direction.

Passes are sold at the downtown terminal, City Hall and online for reloadable cards.`,
  },
  {
    ...transit,
    id: starterId(23),
    title: 'Low-income transit pass',
    keywords: ['low income', 'subsidized pass', 'fee assistance', 'discount pass', 'affordable'],
    serviceCodes: ['transit-route-schedule'],
    body: `## Answer
Residents whose household income is under the low-income threshold pay **$25 a month** for an adult pass.

- Apply once a year through the City's fee assistance program, with proof of income (notice of assessment).
- Approval covers transit and recreation discounts together.
- Processing takes about 10 business days; the pass is then bought at the downtown terminal.`,
  },
  {
    ...transit,
    id: starterId(24),
    title: 'Routes, schedules and real-time bus arrivals',
    keywords: ['bus schedule', 'route', 'next bus', 'real time', 'trip planner', 'service hours', 'sunday service'],
    serviceCodes: ['transit-route-schedule'],
    body: `## Answer
- **Trip planner and real-time arrivals:** the transit app, Google Maps, or text the stop number (on the stop sign) to the transit line.
- **Service hours:** weekdays 6:15 a.m.–11:30 p.m., Saturdays 7:45 a.m.–10:00 p.m., Sundays and holidays 8:30 a.m.–6:30 p.m.
- Printed route maps are at the downtown terminal and City Hall.

Detours for construction or events are posted in the app. For a specific trip, ask the start, destination and time and use the trip planner.`,
  },
  {
    ...transit,
    id: starterId(25),
    title: 'Lost and found on buses',
    keywords: ['lost item', 'left on bus', 'lost and found', 'lost wallet', 'lost phone', 'found item'],
    serviceCodes: ['transit-lost-found'],
    body: `## Answer
Items found on buses are kept at the **downtown transit terminal** for 30 days (ID and bank cards go to the police after 3 days).

Log a *Transit Lost & Found* request with the route, direction, time and a description. The terminal calls back if it is found.
Callers may also visit with photo ID, Monday–Friday 8:00 a.m.–5:00 p.m.`,
  },
  {
    ...transit,
    id: starterId(26),
    title: 'Accessible Transit (paratransit): registration and booking',
    keywords: ['accessible transit', 'paratransit', 'wheelchair', 'disability', 'door to door', 'booking a ride', 'access-a-ride'],
    serviceCodes: ['accessible-transit-booking'],
    body: `## Eligibility
For residents who cannot use regular buses for some or all trips because of a disability. An application with a
health professional's section is required; a decision comes within 21 days.

## Booking
- Book **1 to 7 days ahead** by phone or online; same-day trips only if space allows.
- The pick-up window is **15 minutes either side** of the booked time.
- Fare is the same as a regular bus; an attendant rides free.

Cancel at least 2 hours ahead; repeated no-shows can suspend service.`,
  },
  {
    ...transit,
    id: starterId(27),
    title: 'Bikes, strollers and mobility devices on buses',
    keywords: ['bike rack', 'bicycle', 'stroller', 'scooter', 'wheelchair', 'priority seating', 'pets on bus'],
    serviceCodes: ['transit-route-schedule'],
    body: `## Answer
- Every bus has a **front rack for two bikes**; the rider loads it. E-scooters are not allowed.
- All buses are low-floor with a ramp. Mobility devices have priority in the front area.
- Strollers are welcome; fold them when the bus is full.
- Service animals ride free; other pets only in a closed carrier.`,
  },
  {
    ...transit,
    id: starterId(28),
    title: 'Transit complaints and commendations',
    keywords: ['bus complaint', 'driver', 'operator', 'late bus', 'passed by', 'rude', 'commendation', 'compliment'],
    serviceCodes: ['transit-complaint'],
    body: `## Answer
Log a *Transit Complaint* with the **route, direction, time, stop and bus number** (on the front and back of the bus).
Transit reviews on-board video when the complaint is logged **within 7 days**.

- A bus that passed a waiting rider: note the stop number and whether the rider was visible at the stop.
- A safety incident on board: if it is happening now, the caller dials **911**.
- Commendations are logged the same way and passed to the operator.

The supervisor calls back within 5 business days when the caller asks for a reply.`,
  },
  {
    ...transit,
    id: starterId(29),
    title: 'Bus stop and shelter problems',
    keywords: ['bus stop', 'shelter', 'broken glass', 'bench', 'snow at stop', 'stop sign', 'graffiti'],
    serviceCodes: ['bus-stop-shelter'],
    body: `## Answer
Log a *Bus Stop or Shelter Issue* with the **stop number** from the sign.

- Broken glass or a safety hazard is cleaned up **the same day**.
- Snow at stops: bus pads are cleared within 48 hours after a snowfall ends.
- Graffiti at stops is removed within 5 working days (offensive graffiti within 1).`,
  },
];
