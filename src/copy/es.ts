import type { Copy } from './index';

/**
 * Spanish, for U.S. Spanish-language newsrooms: es-US number and date formats on purpose
 * ("7,353", "50 K", "noviembre de 2025"), where plain `es` would give "7353" and "50 mil".
 */
export const es: Copy = {
  locale: 'es-US',
  source: 'Fuente',
  asOf: 'Datos hasta',
  vsPrevMonth: 'vs. el mes anterior',
  vsYearAgo: 'vs. un año antes',
  noChange: 'sin cambio',
  low: 'Mínimo',
  high: 'Máximo',
  errorCard: 'No se pudo mostrar este gráfico',
  errorTitle: (status) =>
    ({
      400: 'Solicitud no válida',
      404: 'No encontrado',
      429: 'Demasiadas solicitudes',
      503: 'No disponible por ahora',
    })[status] ?? 'Error',
  errorHint: (status) =>
    ({
      400: 'Una opción de la dirección de la imagen no es válida.',
      404: 'No existe esa serie, widget, versión o mes.',
      429: 'Demasiadas imágenes nuevas a la vez; se mostrará en breve.',
      503: 'No se pudieron leer los datos; se mostrará en breve.',
    })[status] ?? 'Inténtelo de nuevo más tarde.',
  eventsNote: 'Los encuentros cuentan eventos, no personas únicas.',
  fyTotals: 'Totales por año fiscal',
  monthly: 'Mensual',
  fyNote: 'octubre a septiembre',
  getData: 'Descargar los datos (CSV)',
  revisedSince: 'La CBP ha revisado estas cifras desde que se publicó este gráfico:',
  moreRevised: (n: number) => `y ${n} ${n === 1 ? 'mes' : 'meses'} más`,
  revisionLedger: 'todas las revisiones',
  newerMonths: (month: string) => `Hay datos más recientes, hasta ${month}.`,
  seeLatest: 'Ver los datos más recientes',
  month: 'Mes',
  table: 'Valores del gráfico, por mes',
  months: { one: 'mes', other: 'meses' },
  record: (dir, first) => `${dir === 'low' ? 'mínimo' : 'máximo'} de la serie (desde ${first})`,
  sameMonth: (dir, m, y) => `el ${m} más ${dir === 'low' ? 'bajo' : 'alto'} de la serie (desde ${y})`,
  since: (dir, since) => `${dir === 'low' ? 'el nivel más bajo' : 'el nivel más alto'} desde ${since}`,
  yearAgo: (pct, dir) =>
    dir === 'flat' ? 'sin cambio frente a un año antes' : `${pct} ${dir === 'up' ? 'más' : 'menos'} que un año antes`,
  perDay: 'por día',
  monthlyPerDay: 'Promedio diario por mes',
  fyPerDay: 'Promedio diario por año fiscal',
  perDayTitle: (title) => `${title}, por día`,
  perDayClaim: (claim) => `por día, ${claim}`,
  otherMeasure: (per, claim, dir) =>
    per === 'day'
      ? claim
        ? `— por día: ${claim}`
        : `— por día no es el ${dir === 'low' ? 'más bajo' : 'más alto'}`
      : claim
        ? `— en total: ${claim}`
        : `— en total no es el ${dir === 'low' ? 'más bajo' : 'más alto'}`,
  perDayNote: 'Cada mes dividido entre sus días (un año fiscal, entre los días que abarca).',
  title42Note: (from, to) => `Incluye expulsiones del Título 42 (${from} – ${to}).`,
  componentShift: (a, aDir, aPct, b, bDir, bPct) =>
    `Frente a un año antes, ${a} ${aDir === 'up' ? 'subieron' : 'bajaron'} ${aPct} mientras ${b} ${bDir === 'up' ? 'subieron' : 'bajaron'} ${bPct}.`,
  versus: ' frente a ',
  noData: 'sin datos',
  allOthers: (n) => `Todos los demás (${n})`,
  fytd: (fy, month) => `AF${fy} hasta ${month}`,
  byDimension: (title, dim) => `${title}, por ${dim}`,
  dimensionName: {
    component: 'componente',
    demo: 'grupo demográfico',
    cit: 'ciudadanía',
    title: 'título legal',
    type: 'tipo de encuentro',
    region: 'región fronteriza',
    state: 'estado',
    aor: 'área de responsabilidad',
  },
  familyRevised: (release) =>
    `Desglose tal como la CBP lo publicó en ${release}; la CBP revisó después el total, así que las partes pueden no sumarlo.`,
  familyUnexplained: (month, sum, total) =>
    `En ${month} las filas de la CBP suman ${sum}, no el total de ${total}: faltan filas o están suprimidas.`,
  vsYearAgoShort: 'frente a un año antes',
  shareOf: 'Parte del total',
  mapTop: (list) => `Más encuentros: ${list}.`,
  mapNone: (n) => `${n} sin ninguno.`,
  compareAlone: 'Nada con qué comparar: añada with= y los identificadores de hasta cuatro series a la dirección.',
  compareRelease: (name, month, vintage) => (vintage ? `${name}: ${vintage}.` : `${name}: datos hasta ${month}.`),
  compareOf: (n) => `${n} series comparadas,`,
  componentName: { usbp: 'los encuentros de la Patrulla Fronteriza', ofo: 'los encuentros en puertos de entrada' },
  eventsGroup: (n, allPolicy) => `${n} ${allPolicy ? 'cambios de política' : 'eventos'}`,
  eventsShown: 'Eventos señalados',
  eventsLine: (labels) => `Eventos señalados: ${labels}.`,
  eventSource: 'Fuente',
  fyLabel: (fy, ytd) => (ytd === null ? `AF${fy}` : `AF${fy} (en curso, ${ytd.n} ${ytd.months})`),
  fyShort: (fy, ytd) => `AF${String(fy).slice(2)}${ytd ? ' parc.' : ''}`,
  viewLabel: 'Vista',
  viewChart: 'Gráfico',
  viewTable: 'Tabla',
  aboutData: 'Fuente y notas',
  revisedFlag: 'revisado',
  exploreLabel: 'Gráfico: use las flechas, Inicio y Fin para leer cada valor',
  printedFrom: 'Impreso desde',
};
