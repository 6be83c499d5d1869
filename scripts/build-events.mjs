#!/usr/bin/env node
// Regenerates seed/events/policy-events.json, the policy-events document `npm start` seeds, from
// ../shared/data/events/policy-events.csv (checked dates and primary-source citations; see its
// NOTES.md). Dates, labels, sources, citations and `verified_from` are taken as they are; the
// Spanish descriptions are ours (below), the citations stay as published.
// Run: npm run events
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = resolve(root, '..', 'shared', 'data', 'events', 'policy-events.csv');

/** Spanish descriptions, by event id: a translation of `description_en`, nothing added. */
const DESCRIPTION_ES = {
  'note-fiscal-year':
    'La CBP informa los encuentros por año fiscal federal, que va del 1 de octubre al 30 de septiembre (el AF2019 comenzó el 1 de octubre de 2018).',
  'mpp-start':
    'El DHS comenzó a aplicar los Protocolos de Protección al Migrante en el puerto de entrada de San Ysidro, devolviendo a México a ciertos solicitantes de asilo no mexicanos para esperar sus audiencias ante los tribunales de inmigración de EE. UU.',
  'title42-start':
    'Una orden de los CDC basada en 42 U.S.C. 265 entró en vigor a las 11:59 p. m. (hora del Este) del 20 de marzo de 2020, y la CBP comenzó a expulsar a ciertos migrantes en las fronteras terrestres sin procesarlos bajo el Título 8 (la CBP fecha su aplicación a partir del 21 de marzo).',
  'note-title42-in-encounters':
    'Desde el inicio de la orden del Título 42 hasta el 11 de mayo de 2023, los totales de encuentros de la CBP suman las aprehensiones e inadmisiones del Título 8 y las expulsiones del Título 42; los meses anteriores cuentan solo acciones del Título 8.',
  'cbp-one-appointments-open':
    'El DHS activó la función de citas de la aplicación CBP One, que permitió a personas no ciudadanas en el centro y el norte de México reservar citas en ocho puertos de entrada de la frontera suroeste, al principio solo para las excepciones humanitarias del Título 42.',
  'title42-end':
    'La orden del Título 42 de los CDC terminó a las 11:59 p. m. (hora del Este) al expirar la emergencia de salud pública por COVID-19, y la CBP volvió a procesar todos los encuentros bajo las facultades migratorias del Título 8.',
  'lawful-pathways-rule':
    'La regla del DHS y el DOJ sobre la Elusión de Vías Legales entró en vigor al terminar el Título 42: presume inelegibles para asilo a ciertas personas que cruzaron la frontera suroeste sin usar una vía legal, con excepciones.',
  'securing-the-border-2024':
    'La Proclamación 10773 (firmada el 3 de junio de 2024) y la regla final provisional «Asegurar la Frontera» del DHS y el DOJ entraron en vigor a las 12:01 a. m. (hora del Este), limitando la elegibilidad para asilo de la mayoría de quienes cruzan la frontera sur sin autorización mientras se superen ciertos umbrales de encuentros.',
  'cbp-one-scheduling-ends':
    'La CBP desactivó las funciones de CBP One para enviar información por adelantado y programar citas en ocho puertos de entrada de la frontera suroeste, y canceló las citas existentes.',
  'proclamation-10886-emergency':
    'La Proclamación 10886 declaró una emergencia nacional en la frontera sur y ordenó a las Fuerzas Armadas ayudar al DHS a obtener el control operativo de la frontera.',
  'proclamation-10888-entry':
    'La Proclamación 10888 («Garantizar a los estados protección contra la invasión») invocó la sección 212(f) de la INA y facultades de los artículos II y IV para suspender la entrada de personas no ciudadanas que cruzan ilegalmente la frontera sur y restringir su acceso al asilo.',
  'eo-14165-securing-our-borders':
    'La Orden Ejecutiva 14165 ordenó barreras fronterizas, más detención, la reanudación de los Protocolos de Protección al Migrante, el fin del uso de CBP One para permisos de permanencia temporal (parole) y la terminación de los programas de parole por categorías.',
};

/** RFC 4180 records. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  return rows.filter((r) => r.some((c) => c !== ''));
}

const [header, ...rows] = parseCsv(readFileSync(SOURCE, 'utf8'));
const col = Object.fromEntries(header.map((h, i) => [h, i]));
const events = rows
  .map((r) => {
    const v = (name) => r[col[name]].trim();
    const id = v('id');
    if (!DESCRIPTION_ES[id]) throw new Error(`no Spanish description for "${id}": add it to DESCRIPTION_ES`);
    return {
      id,
      start: v('start'),
      ...(v('end') ? { end: v('end') } : {}),
      kind: v('kind'),
      label: { en: v('label_en'), es: v('label_es') },
      description: { en: v('description_en'), es: DESCRIPTION_ES[id] },
      source: { name: v('source_name'), url: v('source_url').replace(/^http:/, 'https:') },
      citation: v('citation'),
      verifiedFrom: v('verified_from'),
    };
  })
  .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
const out = join(root, 'seed', 'events', 'policy-events.json');
writeFileSync(out, JSON.stringify({ events }, null, 2) + '\n');
console.log(`wrote ${out}: ${events.length} events`);
