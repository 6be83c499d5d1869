import type { Series } from '../series/schema';
import type { Aggregate } from './cbp';

/**
 * Titles and notes for series an import creates. The three southwest series are normally seeded
 * (their seed text wins); everything else is described here, from the labels in the file.
 */
const NOTE =
  'Encounters count events, not unique people. CBP revises earlier months in each release; each point names the release it comes from.';
const SW_URL = 'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters';
const NW_URL = 'https://www.cbp.gov/newsroom/stats/nationwide-encounters';

interface Words {
  title: string;
  short: string;
  es: { title: string; short: string };
  notes: string;
}

const BASE: Record<string, Words> = {
  'sw-total': {
    title: 'Southwest border encounters',
    short: 'SW border encounters',
    es: { title: 'Encuentros en la frontera suroeste', short: 'Frontera suroeste' },
    notes: 'Total of U.S. Border Patrol and Office of Field Operations encounters at the southwest land border.',
  },
  'sw-usbp': {
    title: 'Border Patrol encounters, southwest border',
    short: 'Border Patrol (SW)',
    es: { title: 'Encuentros de la Patrulla Fronteriza, frontera suroeste', short: 'Patrulla Fronteriza (SO)' },
    notes:
      'U.S. Border Patrol apprehensions between ports of entry; includes Title 42 expulsions (Mar 2020 – May 2023).',
  },
  'sw-ofo': {
    title: 'Encounters at southwest ports of entry',
    short: 'SW ports of entry',
    es: { title: 'Encuentros en los puertos de entrada del suroeste', short: 'Puertos del suroeste' },
    notes: 'Office of Field Operations inadmissibles (and Title 42 expulsions) at southwest land ports of entry.',
  },
  'nw-total': {
    title: 'Nationwide encounters',
    short: 'Nationwide encounters',
    es: { title: 'Encuentros en todo el país', short: 'Todo el país' },
    notes: 'All CBP encounters: southwest and northern land borders and other (air and sea) ports and areas.',
  },
};

/** CBP's demographic labels, spelled out, in English and Spanish. */
const DEMOGRAPHICS: Record<string, { en: string; es: string }> = {
  'Single Adults': { en: 'single adults', es: 'adultos solos' },
  FMUA: { en: 'people in family units (FMUA)', es: 'personas en unidades familiares (FMUA)' },
  UAC: { en: 'unaccompanied children (UAC)', es: 'menores no acompañados (UAC)' },
  'UC / Single Minors': { en: 'unaccompanied children (UAC)', es: 'menores no acompañados (UAC)' },
  'Accompanied Minors': { en: 'accompanied minors', es: 'menores acompañados' },
};

export function describeSeries(id: string, agg: Aggregate): Series {
  const label = agg.labels.get(id);
  let text = BASE[id];
  if (!text && label?.kind === 'demo') {
    const who = DEMOGRAPHICS[label.label] ?? { en: label.label, es: label.label };
    text = {
      title: `Southwest border encounters: ${who.en}`.slice(0, 120),
      short: `SW: ${who.en}`.slice(0, 32),
      es: { title: `Encuentros en la frontera suroeste: ${who.es}`.slice(0, 120), short: `SO: ${who.es}`.slice(0, 32) },
      notes: `Southwest land border encounters (Border Patrol and ports of entry) with CBP demographic "${label.label}".`,
    };
  } else if (!text && label?.kind === 'title') {
    text = {
      title: `Southwest border encounters under ${label.label}`.slice(0, 120),
      short: `SW, ${label.label}`.slice(0, 32),
      es: {
        title: `Encuentros en la frontera suroeste bajo el ${label.label.replace('Title', 'Título')}`.slice(0, 120),
        short: `SO, ${label.label.replace('Title', 'Título')}`.slice(0, 32),
      },
      notes: `Southwest land border encounters processed under ${label.label} (CBP "Title of Authority").`,
    };
  }
  text ??= { title: id, short: id.slice(0, 32), es: { title: id, short: id.slice(0, 32) }, notes: '' };
  return {
    id,
    title: text.title,
    short: text.short,
    i18n: { es: { ...text.es, unit: 'encuentros' } },
    unit: 'encounters',
    frequency: 'monthly',
    source: {
      name: 'U.S. Customs and Border Protection',
      url: agg.layout === 'sw' || id.startsWith('sw-') ? SW_URL : NW_URL,
      release: 'unknown',
    },
    notes: `${NOTE} ${text.notes}`.trim(),
    points: [],
  };
}
