#!/usr/bin/env node
// Regenerates seed/*.json from CBP's compiled monthly table, so the project runs without ../shared.
// Usage: node scripts/build-seed.mjs [path/to/sw-monthly-compiled.csv]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'cbp', 'sw-monthly-compiled.csv'));

/** Minimal RFC 4180 line splitter: the compiled table quotes only its `sources` column. */
function splitCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const lines = readFileSync(csvPath, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
const header = splitCsvLine(lines[0]);
const rows = lines.slice(1).map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [header[i], v])));
const latest = rows.at(-1).month;
const monthName = new Date(`${latest}-01T00:00:00Z`).toLocaleString('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

// Keys S1–S6 are the releases described in shared/data/cbp/SOURCES.md; carried per point for traceability.
const releases = {
  S1: 'CBP Southwest Land Border Encounters FY19–FY22 (data through Sep 2022)',
  S2: 'CBP Southwest Land Border Encounters FY22–FY25 (data through Aug 2025)',
  S3: 'CBP Nationwide Encounters by state, final FY2025 (data through Sep 2025)',
  S4: 'CBP Nationwide Encounters by state FY23–FY26 (data through Nov 2025)',
  S5: 'CBP Nationwide Encounters by AOR and monthly USBP southwest tables (data through Aug 2026)',
  S6: 'CBP Nationwide Encounters by AOR FY23–FY26 (data through Jul 2026)',
};
const source = {
  name: 'U.S. Customs and Border Protection',
  url: 'https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters',
  release: `${monthName} update`,
};
const common =
  'Encounters count events, not unique people. CBP revises earlier months in each release; ' +
  'each point names the release(s) it comes from.';

const series = [
  {
    id: 'sw-total',
    title: 'Southwest border encounters',
    short: 'SW border encounters',
    es: { title: 'Encuentros en la frontera suroeste', short: 'Frontera suroeste', unit: 'encuentros' },
    column: 'total_sw_encounters',
    notes: `${common} Total of U.S. Border Patrol apprehensions and expulsions and Office of Field Operations inadmissibles at the southwest land border.`,
  },
  {
    id: 'sw-usbp',
    title: 'Border Patrol encounters, southwest border',
    short: 'Border Patrol (SW)',
    es: {
      title: 'Encuentros de la Patrulla Fronteriza, frontera suroeste',
      short: 'Patrulla Fronteriza (SO)',
      unit: 'encuentros',
    },
    column: 'usbp_sw_encounters',
    // Border Patrol and ports of entry are the two parts of the southwest total (see README, Data API).
    family: { parent: 'sw-total', dimension: 'component', member: 'U.S. Border Patrol' },
    memberEs: 'Patrulla Fronteriza',
    notes: `${common} U.S. Border Patrol apprehensions between ports of entry; includes Title 42 expulsions (Mar 2020 – May 2023).`,
  },
  {
    id: 'sw-ofo',
    title: 'Encounters at southwest ports of entry',
    short: 'SW ports of entry',
    es: {
      title: 'Encuentros en los puertos de entrada del suroeste',
      short: 'Puertos del suroeste',
      unit: 'encuentros',
    },
    column: 'ofo_sw_encounters',
    family: { parent: 'sw-total', dimension: 'component', member: 'Office of Field Operations' },
    memberEs: 'Oficina de Operaciones de Campo',
    notes: `${common} Office of Field Operations inadmissibles (and Title 42 expulsions) at southwest land ports of entry.`,
  },
];

mkdirSync(join(root, 'seed'), { recursive: true });
for (const s of series) {
  const points = rows.map((r) => {
    const value = Number(r[s.column]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${r.month}: bad ${s.column} ${r[s.column]}`);
    const p = { period: r.month, value, src: r.sources };
    if (s.id !== 'sw-usbp' && r.ofo_and_total_status !== 'exact') p.status = r.ofo_and_total_status;
    return p;
  });
  const doc = {
    id: s.id,
    title: s.title,
    short: s.short,
    unit: 'encounters',
    frequency: 'monthly',
    source: { ...source, references: releases },
    notes: s.notes,
    i18n: { es: s.memberEs ? { ...s.es, member: s.memberEs } : s.es },
    ...s.family,
    points,
  };
  writeFileSync(join(root, 'seed', `${s.id}.json`), JSON.stringify(doc, null, 1) + '\n');
  console.log(
    `seed/${s.id}.json: ${points.length} months ${points[0].period}…${points.at(-1).period}, latest ${points.at(-1).value}`,
  );
}
