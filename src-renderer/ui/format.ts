import type { CslDate, CslName } from '../../src-core/article/model.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "15 August 2018", "August 2018" or "2018" from CSL date parts; the raw text otherwise. */
export function displayDate(date: CslDate | undefined, short = false): string {
  const first = date?.['date-parts']?.[0];
  if (!first) return date?.raw ?? '';
  const [year, month, day] = first;
  const monthName = month ? MONTHS[month - 1] : undefined;
  const shown = monthName && short ? monthName.slice(0, 3) : monthName;
  return [day && shown ? day : undefined, shown, year].filter((p) => p !== undefined).join(' ');
}

/** The same for the library summaries' ISO-like "2018-08-15" / "2018-08" / "2018". */
export function displayIsoDate(iso: string, short = true): string {
  const match = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return displayDate(
    {
      'date-parts': [
        [Number(year), month ? Number(month) : undefined, day ? Number(day) : undefined],
      ],
    },
    short,
  );
}

export function isOrganisation(name: CslName): boolean {
  return name.literal !== undefined;
}

/** How a name reads in running text: "South Front", "Jane van Doe Jr.". */
export function displayName(name: CslName): string {
  if (name.literal !== undefined) return name.literal;
  return [
    name.given,
    name['dropping-particle'],
    name['non-dropping-particle'],
    name.family,
    name.suffix,
  ]
    .filter(Boolean)
    .join(' ');
}

export function displayTitle(title: string | undefined): string {
  return title?.trim() ? title : 'Untitled article';
}
