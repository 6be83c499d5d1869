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

const BASE: Record<string, { title: string; notes: string }> = {
  'sw-total': {
    title: 'Southwest border encounters',
    notes: 'Total of U.S. Border Patrol and Office of Field Operations encounters at the southwest land border.',
  },
  'sw-usbp': {
    title: 'Border Patrol encounters, southwest border',
    notes:
      'U.S. Border Patrol apprehensions between ports of entry; includes Title 42 expulsions (Mar 2020 – May 2023).',
  },
  'sw-ofo': {
    title: 'Encounters at southwest ports of entry',
    notes: 'Office of Field Operations inadmissibles (and Title 42 expulsions) at southwest land ports of entry.',
  },
  'nw-total': {
    title: 'Nationwide encounters',
    notes: 'All CBP encounters: southwest and northern land borders and other (air and sea) ports and areas.',
  },
};

/** CBP's demographic labels, spelled out. */
const DEMOGRAPHICS: Record<string, string> = {
  'Single Adults': 'single adults',
  FMUA: 'people in family units (FMUA)',
  UAC: 'unaccompanied children (UAC)',
  'UC / Single Minors': 'unaccompanied children (UAC)',
  'Accompanied Minors': 'accompanied minors',
};

export function describeSeries(id: string, agg: Aggregate): Series {
  const label = agg.labels.get(id);
  let text = BASE[id];
  if (!text && label?.kind === 'demo') {
    const who = DEMOGRAPHICS[label.label] ?? label.label;
    text = {
      title: `Southwest border encounters: ${who}`.slice(0, 120),
      notes: `Southwest land border encounters (Border Patrol and ports of entry) with CBP demographic "${label.label}".`,
    };
  } else if (!text && label?.kind === 'title') {
    text = {
      title: `Southwest border encounters under ${label.label}`.slice(0, 120),
      notes: `Southwest land border encounters processed under ${label.label} (CBP "Title of Authority").`,
    };
  }
  text ??= { title: id, notes: '' };
  return {
    id,
    title: text.title,
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
