import type { Lang } from '../lib/i18n';

/** The words of the embed page and the gallery (card words live in src/lib/i18n.ts). */
const en = {
  source: 'Source',
  asOf: 'Data as of',
  getData: 'Get the data (CSV)',
  month: 'Month',
  table: 'Values plotted, by month',
  embedTitle: 'Border Stats',
};
export type PageStrings = Record<keyof typeof en, string>;

export const pageStrings: Record<Lang, PageStrings> = {
  en,
  es: {
    source: 'Fuente',
    asOf: 'Datos a',
    getData: 'Descargar los datos (CSV)',
    month: 'Mes',
    table: 'Valores del gráfico, por mes',
    embedTitle: 'Border Stats',
  },
};
