import { STARTER_REVIEW_BY, starterId, type StarterArticle } from './starter-article';

const common = { departmentCode: 'bylaw_animal', owner: 'Bylaw & Animal Services — licensing clerk', reviewBy: STARTER_REVIEW_BY } as const;

export const BYLAW_ARTICLES: StarterArticle[] = [
  {
    ...common,
    id: starterId(30),
    title: 'Dog licences: who needs one, fees and renewal',
    keywords: ['dog licence', 'dog license', 'pet licence', 'dog tag', 'renewal', 'spayed', 'neutered'],
    serviceCodes: ['dog-licence'],
    body: `## Answer
Every dog **over 3 months old** must be licensed each year; licences run January 1 to December 31.

| Dog | Annual fee |
| --- | --- |
| Spayed or neutered | $35 |
| Not spayed or neutered | $80 |
| Nuisance or dangerous designation | $250 |

- Buy or renew online, at City Hall or at participating pet stores; renewal notices go out in December.
- Seniors (65+) get 50% off one dog licence.
- A **lost tag** is replaced for $5.
- Unlicensed dogs: fine of $200.

A licensed dog found at large is driven home once free instead of going to the shelter.`,
  },
  {
    ...common,
    id: starterId(31),
    title: 'Cat licences',
    keywords: ['cat licence', 'cat license', 'cat tag', 'cats at large', 'microchip'],
    serviceCodes: ['dog-licence', 'animal-at-large'],
    body: `## Answer
Cats over 3 months old must be licensed like dogs: **$15** spayed or neutered, **$50** otherwise. A microchip
or tattoo is accepted instead of wearing the tag.

Cats may not run at large. Residents with a cat repeatedly on their property can borrow a humane trap from Animal Services ($50 deposit).`,
  },
  {
    ...common,
    id: starterId(32),
    title: 'Barking dog complaints',
    keywords: ['barking dog', 'dog barking', 'noise dog', 'nuisance dog', 'howling'],
    serviceCodes: ['barking-dog'],
    body: `## Answer
Bylaw acts on barking that is **persistent** (over 10 minutes) or repeated at night.

## Log a *Barking Dog* request with
- the address where the dog lives (or the closest one the caller can give)
- when it barks and for how long
- whether the caller has spoken with the owner (optional; never required)

The first step is a letter to the owner. If it continues, the caller keeps a **barking log for 14 days**
(the officer sends the form); that log supports a ticket. Callers' names are kept confidential.`,
  },
  {
    ...common,
    id: starterId(33),
    title: 'Lost or found pets and animals at large',
    keywords: ['lost dog', 'lost cat', 'found dog', 'stray', 'animal at large', 'shelter', 'impound', 'pound'],
    serviceCodes: ['animal-at-large'],
    body: `## Lost pet
- Check the **animal shelter's** list of found animals online, updated hourly, and call the shelter.
- Log the pet's description with 311 so officers can match it.
- Impounded pets: $50 release fee plus $15 a day; an unlicensed dog must be licensed before release.

## Found or roaming animal
- A loose dog in the area right now: log *Animal at Large* with the location and a description; an officer attends during service hours (7 a.m.–10 p.m.).
- An **aggressive dog** or a bite: urgent — mark it a safety hazard. If someone is hurt, call 911.`,
  },
  {
    ...common,
    id: starterId(34),
    title: 'Noise bylaw: quiet hours and construction noise',
    keywords: ['noise', 'loud music', 'party', 'quiet hours', 'construction noise', 'neighbour noise'],
    serviceCodes: ['noise-complaint'],
    body: `## Answer
Quiet hours are **10:00 p.m. to 7:00 a.m.** (9:00 a.m. on Sundays and holidays).

- **Construction** is allowed 7:00 a.m.–10:00 p.m. on weekdays and 9:00 a.m.–10:00 p.m. on weekends.
- A loud party **happening now** after hours: the police non-emergency line handles it at night.
- Ongoing noise from a business or a property: log a *Noise Complaint* for Bylaw with when and how often.`,
  },
  {
    ...common,
    id: starterId(35),
    title: 'Parking: winter snow routes, tickets and abandoned vehicles',
    keywords: ['parking ticket', 'snow route', 'parking ban', 'towed', 'abandoned vehicle', 'blocked driveway', '72 hours'],
    serviceCodes: ['parking-complaint'],
    body: `## Answer
- **Snow route parking bans** are announced on the City website, radio and the app; cars left on a snow route are ticketed and towed.
- A vehicle may park on a residential street for **72 hours**; after that log a *Parking Complaint* as abandoned.
- A **blocked driveway**: log it as urgent with the plate and vehicle description.
- Paying or disputing a ticket: online or at City Hall within 21 days; disputes go to the court listed on the ticket.
- A towed car: call the towing company named on the City website; bring ID and proof of ownership.`,
  },
  {
    ...common,
    id: starterId(36),
    title: 'Unsightly properties',
    keywords: ['unsightly', 'messy yard', 'long grass', 'weeds', 'junk', 'derelict', 'overgrown'],
    serviceCodes: ['unsightly-property'],
    body: `## Answer
The Community Standards Bylaw requires properties to be free of accumulated junk, and grass and weeds under **15 cm**.

Log an *Unsightly Property* request with the address and what the caller sees. An officer inspects within 10 working days;
the owner gets an order with a deadline, and if it is not met the City cleans it up and adds the cost to the property taxes.`,
  },
  {
    ...common,
    id: starterId(37),
    title: 'Dead animal pickup',
    keywords: ['dead animal', 'roadkill', 'dead deer', 'dead cat', 'dead bird', 'carcass'],
    serviceCodes: ['dead-animal-pickup'],
    body: `## Answer
The City removes dead animals from **streets, sidewalks, alleys and parks** free, usually the same working day.

- From **private property**, the owner may bag a small animal and put it in the garbage cart; the City picks up larger ones (over 25 kg) for $40.
- A dead deer or other wildlife on a highway outside the city: Fish and Wildlife.
- A pet may be microchipped: staff check and let the owner know.

Log a *Dead Animal Pickup* with the exact location and the kind of animal.`,
  },
];
