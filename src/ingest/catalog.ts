import type { Series } from '../series/schema';
import { type Layout, type SeriesMeta, parentOf } from './cbp';
import { type MemberWords, memberWords, spanishMember } from './names';

/**
 * Titles and notes for series an import creates. The three southwest series are normally seeded
 * (their seed text wins); everything else is described here, from what the file says each series
 * is: its scope, component, breakdown and CBP's label for the member.
 */
const NOTE =
  'Encounters count events, not unique people. CBP revises earlier months in each release; each point names the release it comes from.';
const SW_URL = 'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters';
const NW_URL = 'https://www.cbp.gov/newsroom/stats/nationwide-encounters';
const TITLE_MAX = 120;
const SHORT_MAX = 32;

interface Words {
  title: string;
  short: string;
  es: { title: string; short: string };
  notes: string;
}

/** The totals and components: the parents every breakdown's words are built from. */
const BASE: Record<string, Words & { prefix: { en: string; es: string } }> = {
  'sw-total': {
    title: 'Southwest border encounters',
    short: 'SW border encounters',
    es: { title: 'Encuentros en la frontera suroeste', short: 'Frontera suroeste' },
    notes: 'Total of U.S. Border Patrol and Office of Field Operations encounters at the southwest land border.',
    prefix: { en: 'SW', es: 'SO' },
  },
  'sw-usbp': {
    title: 'Border Patrol encounters, southwest border',
    short: 'Border Patrol (SW)',
    es: { title: 'Encuentros de la Patrulla Fronteriza, frontera suroeste', short: 'Patrulla Fronteriza (SO)' },
    notes:
      'U.S. Border Patrol apprehensions between ports of entry; includes Title 42 expulsions (Mar 2020 – May 2023).',
    prefix: { en: 'SW USBP', es: 'Patrulla SO' },
  },
  'sw-ofo': {
    title: 'Encounters at southwest ports of entry',
    short: 'SW ports of entry',
    es: { title: 'Encuentros en los puertos de entrada del suroeste', short: 'Puertos del suroeste' },
    notes: 'Office of Field Operations inadmissibles (and Title 42 expulsions) at southwest land ports of entry.',
    prefix: { en: 'SW ports', es: 'Puertos SO' },
  },
  'nw-total': {
    title: 'Nationwide encounters',
    short: 'Nationwide encounters',
    es: { title: 'Encuentros en todo el país', short: 'Todo el país' },
    notes: 'All CBP encounters: southwest and northern land borders and other (air and sea) ports and areas.',
    prefix: { en: 'US', es: 'EE. UU.' },
  },
  'nw-usbp': {
    title: 'Border Patrol encounters, nationwide',
    short: 'Border Patrol (US)',
    es: { title: 'Encuentros de la Patrulla Fronteriza en todo el país', short: 'Patrulla Fronteriza (EE. UU.)' },
    notes: 'U.S. Border Patrol encounters between ports of entry, at every border and coast.',
    prefix: { en: 'US USBP', es: 'Patrulla EE. UU.' },
  },
  'nw-ofo': {
    title: 'Encounters at ports of entry, nationwide',
    short: 'Ports of entry (US)',
    es: { title: 'Encuentros en los puertos de entrada de todo el país', short: 'Puertos (EE. UU.)' },
    notes: 'Office of Field Operations encounters at every land, air and sea port of entry.',
    prefix: { en: 'US ports', es: 'Puertos EE. UU.' },
  },
};

/** How each breakdown reads in a title, given the parent's title and the member's words. */
const TITLES: Record<
  Exclude<SeriesMeta['dimension'], undefined | 'component'>,
  { en: (p: string, m: string) => string; es: (p: string, m: string) => string; what: string }
> = {
  demo: { en: (p, m) => `${p}: ${m}`, es: (p, m) => `${p}: ${m}`, what: 'demographic' },
  cit: {
    en: (p, m) => (m.startsWith('other') ? `${p}: ${m}` : `${p}: citizens of ${m}`),
    es: (p, m) => (m.startsWith('otras') ? `${p}: ${m}` : `${p}: ciudadanos de ${m}`),
    what: 'citizenship',
  },
  title: { en: (p, m) => `${p} under ${m}`, es: (p, m) => `${p} bajo el ${m}`, what: 'title of authority' },
  type: { en: (p, m) => `${p}: ${m}`, es: (p, m) => `${p}: ${m}`, what: 'encounter type' },
  region: { en: (p, m) => `${p}: ${m}`, es: (p, m) => `${p}: ${m}`, what: 'land border region' },
  state: { en: (p, m) => `${p}: ${m}`, es: (p, m) => `${p}: ${m}`, what: 'state' },
  aor: { en: (p, m) => `${p}: ${m}`, es: (p, m) => `${p}: ${m}`, what: 'area of responsibility' },
};

/** What the member is, said once in the notes of every series of its family. */
const FAMILY_NOTES: Partial<Record<NonNullable<SeriesMeta['dimension']>, string>> = {
  type: 'Encounter type follows the title of authority: every Title 42 encounter counts as an expulsion (CBP’s Sep 2022 southwest file types Border Patrol’s FY2022 Title 42 encounters as apprehensions; its later files, as expulsions).',
  cit: 'Citizenship groups are CBP’s: the southwest files name Mexico, El Salvador, Guatemala and Honduras and group the rest as Other; the nationwide files name 21 and group the rest as OTHER.',
  state: 'Members are USPS codes; a state appears in every month of the files that name it (0 where it has no rows).',
};

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** A badge label: "<prefix>: <member>" in the member's badge words, tighter ones where those do not fit. */
function short(prefix: string, words: string, tight?: string): string {
  const full = `${prefix}: ${words}`;
  return full.length <= SHORT_MAX || !tight ? cut(full, SHORT_MAX) : cut(`${prefix}: ${tight}`, SHORT_MAX);
}

function describe(id: string, meta: SeriesMeta): Words {
  const base = BASE[id];
  if (base) return base;
  const parentId = parentOf(meta);
  const parent = parentId ? BASE[parentId] : undefined;
  if (!meta.dimension || meta.dimension === 'component' || !parent || !meta.slug || !meta.member)
    return { title: id, short: cut(id, SHORT_MAX), es: { title: id, short: cut(id, SHORT_MAX) }, notes: '' };
  const words: MemberWords = memberWords(meta.dimension, meta.slug, meta.member);
  const t = TITLES[meta.dimension];
  return {
    title: cut(t.en(parent.title, words.en), TITLE_MAX),
    short: short(parent.prefix.en, words.enShort ?? words.en),
    es: {
      title: cut(t.es(parent.es.title, words.es), TITLE_MAX),
      short: short(parent.prefix.es, words.esShort ?? words.es, words.esTight),
    },
    notes: [
      `${parent.title} (${parentId}) by ${t.what}: CBP's "${meta.member}".`,
      `The members of this breakdown add up to ${parentId} in every month of the release they come from.`,
      FAMILY_NOTES[meta.dimension] ?? '',
    ]
      .join(' ')
      .trim(),
  };
}

/** The Spanish `member` a series stores, where CBP's label is words. */
export function spanishMemberOf(meta: SeriesMeta): string | undefined {
  if (!meta.dimension || !meta.slug || !meta.member) return undefined;
  if (meta.dimension === 'component')
    return meta.component === 'usbp' ? 'Patrulla Fronteriza' : 'Oficina de Operaciones de Campo';
  return spanishMember(meta.dimension, memberWords(meta.dimension, meta.slug, meta.member));
}

export function describeSeries(id: string, meta: SeriesMeta | undefined, layout: Layout): Series {
  const text = meta
    ? describe(id, meta)
    : { title: id, short: cut(id, SHORT_MAX), es: { title: id, short: cut(id, SHORT_MAX) }, notes: '' };
  return {
    id,
    title: text.title,
    short: text.short,
    i18n: { es: { ...text.es, unit: 'encuentros' } },
    unit: 'encounters',
    frequency: 'monthly',
    source: {
      name: 'U.S. Customs and Border Protection',
      url: layout === 'sw' || id.startsWith('sw-') ? SW_URL : NW_URL,
      release: 'unknown',
    },
    notes: `${NOTE} ${text.notes}`.trim(),
    points: [],
  };
}
