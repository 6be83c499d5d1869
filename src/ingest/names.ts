import type { Dimension } from '../series/schema';

/**
 * Words for the members of CBP's breakdowns, in English and Spanish: what titles, short labels and
 * the Spanish `member` are made of. Keyed by the member's slug (the last part of its id), so a
 * label CBP spells two ways ('Mexico' in the southwest files, 'MEXICO' in the nationwide ones)
 * finds the same words. A label not listed here keeps CBP's own spelling in both languages.
 */
export interface MemberWords {
  /** Inside an English title ("Southwest border encounters: single adults"). */
  en: string;
  es: string;
  /** For a badge (32 characters in all), where the title words are not badge words. */
  enShort?: string;
  esShort?: string;
  /** Only where the badge words do not fit beside the prefix. */
  esTight?: string;
  /** Set when we have no words for this label: both languages show CBP's own spelling. */
  untranslated?: true;
}

const DEMOGRAPHICS: Record<string, MemberWords> = {
  'single-adults': { en: 'single adults', es: 'adultos solos' },
  fmua: {
    en: 'people in family units (FMUA)',
    enShort: 'family units',
    es: 'personas en unidades familiares',
    esShort: 'unidades familiares',
  },
  uac: {
    en: 'unaccompanied children (UAC)',
    enShort: 'unaccompanied children',
    es: 'menores no acompañados',
    esTight: 'menores no acomp.',
  },
  'accompanied-minors': { en: 'accompanied minors', es: 'menores acompañados' },
};

/** Citizenships as CBP groups them: five in the southwest files, 22 in the nationwide ones. */
const COUNTRIES: Record<string, MemberWords> = {
  mexico: { en: 'Mexico', es: 'México' },
  guatemala: { en: 'Guatemala', es: 'Guatemala' },
  honduras: { en: 'Honduras', es: 'Honduras' },
  'el-salvador': { en: 'El Salvador', es: 'El Salvador' },
  other: { en: 'other citizenships', es: 'otras nacionalidades', esTight: 'otros países' },
  brazil: { en: 'Brazil', es: 'Brasil' },
  canada: { en: 'Canada', es: 'Canadá' },
  china: { en: 'China', es: 'China' },
  colombia: { en: 'Colombia', es: 'Colombia' },
  cuba: { en: 'Cuba', es: 'Cuba' },
  ecuador: { en: 'Ecuador', es: 'Ecuador' },
  haiti: { en: 'Haiti', es: 'Haití' },
  india: { en: 'India', es: 'India' },
  myanmar: { en: 'Myanmar (Burma)', es: 'Myanmar (Birmania)' },
  nicaragua: { en: 'Nicaragua', es: 'Nicaragua' },
  peru: { en: 'Peru', es: 'Perú' },
  philippines: { en: 'the Philippines', es: 'Filipinas', enShort: 'Philippines' },
  romania: { en: 'Romania', es: 'Rumania' },
  russia: { en: 'Russia', es: 'Rusia' },
  turkey: { en: 'Turkey', es: 'Turquía' },
  ukraine: { en: 'Ukraine', es: 'Ucrania' },
  venezuela: { en: 'Venezuela', es: 'Venezuela' },
  // Named in other CBP releases.
  afghanistan: { en: 'Afghanistan', es: 'Afganistán' },
  chile: { en: 'Chile', es: 'Chile' },
  'dominican-republic': { en: 'the Dominican Republic', es: 'República Dominicana', enShort: 'Dominican Republic' },
  georgia: { en: 'Georgia', es: 'Georgia' },
  kazakhstan: { en: 'Kazakhstan', es: 'Kazajistán' },
  mauritania: { en: 'Mauritania', es: 'Mauritania' },
  senegal: { en: 'Senegal', es: 'Senegal' },
  uzbekistan: { en: 'Uzbekistan', es: 'Uzbekistán' },
  vietnam: { en: 'Vietnam', es: 'Vietnam' },
};

/** USPS codes → names; Spanish where the name differs. */
const STATES: Record<string, [en: string, es?: string, enShort?: string, esShort?: string]> = {
  al: ['Alabama'],
  ak: ['Alaska'],
  az: ['Arizona'],
  ar: ['Arkansas'],
  ca: ['California'],
  co: ['Colorado'],
  ct: ['Connecticut'],
  de: ['Delaware'],
  dc: ['District of Columbia', 'Distrito de Columbia'],
  fl: ['Florida'],
  ga: ['Georgia'],
  hi: ['Hawaii', 'Hawái'],
  id: ['Idaho'],
  il: ['Illinois'],
  in: ['Indiana'],
  ia: ['Iowa'],
  ks: ['Kansas'],
  ky: ['Kentucky'],
  la: ['Louisiana', 'Luisiana'],
  me: ['Maine'],
  md: ['Maryland'],
  ma: ['Massachusetts'],
  mi: ['Michigan', 'Míchigan'],
  mn: ['Minnesota'],
  ms: ['Mississippi', 'Misisipi'],
  mo: ['Missouri', 'Misuri'],
  mt: ['Montana'],
  ne: ['Nebraska'],
  nv: ['Nevada'],
  nh: ['New Hampshire', 'Nuevo Hampshire'],
  nj: ['New Jersey', 'Nueva Jersey'],
  nm: ['New Mexico', 'Nuevo México'],
  ny: ['New York', 'Nueva York'],
  nc: ['North Carolina', 'Carolina del Norte'],
  nd: ['North Dakota', 'Dakota del Norte'],
  oh: ['Ohio'],
  ok: ['Oklahoma'],
  or: ['Oregon', 'Oregón'],
  pa: ['Pennsylvania', 'Pensilvania'],
  ri: ['Rhode Island'],
  sc: ['South Carolina', 'Carolina del Sur'],
  sd: ['South Dakota', 'Dakota del Sur'],
  tn: ['Tennessee'],
  tx: ['Texas'],
  ut: ['Utah'],
  vt: ['Vermont'],
  va: ['Virginia'],
  wa: ['Washington'],
  wv: ['West Virginia', 'Virginia Occidental'],
  wi: ['Wisconsin'],
  wy: ['Wyoming'],
  pr: ['Puerto Rico'],
  gu: ['Guam'],
  vi: ['U.S. Virgin Islands', 'Islas Vírgenes de EE. UU.', 'Virgin Islands', 'Islas Vírgenes'],
  mp: ['Northern Mariana Islands', 'Islas Marianas del Norte', 'Northern Marianas', 'Islas Marianas'],
  as: ['American Samoa', 'Samoa Americana'],
};

const TITLES: Record<string, MemberWords> = {
  '8': { en: 'Title 8', es: 'Título 8' },
  '42': { en: 'Title 42', es: 'Título 42' },
};

const TYPES: Record<string, MemberWords> = {
  apprehensions: { en: 'apprehensions', es: 'aprehensiones' },
  expulsions: { en: 'expulsions', es: 'expulsiones' },
  inadmissibles: { en: 'inadmissibles', es: 'inadmisibles' },
};

const REGIONS: Record<string, MemberWords> = {
  southwest: { en: 'southwest land border', es: 'frontera terrestre suroeste', esShort: 'frontera suroeste' },
  northern: { en: 'northern land border', es: 'frontera terrestre norte', esShort: 'frontera norte' },
  other: { en: 'away from the land borders', es: 'fuera de las fronteras terrestres', esShort: 'fuera de fronteras' },
};

/** What a dimension is called, for a member CBP left blank ("citizenship not stated"). */
const DIMENSION_WORDS: Record<Dimension, { en: string; es: string }> = {
  component: { en: 'component', es: 'componente' },
  demo: { en: 'demographic', es: 'grupo demográfico' },
  cit: { en: 'citizenship', es: 'nacionalidad' },
  title: { en: 'title of authority', es: 'autoridad legal' },
  type: { en: 'encounter type', es: 'tipo de encuentro' },
  region: { en: 'region', es: 'región' },
  state: { en: 'state', es: 'estado' },
  aor: { en: 'area of responsibility', es: 'área de responsabilidad' },
};

/** The slug a member gets when CBP's cell is empty. */
export const NOT_STATED = 'not-stated';

/** An area of responsibility: "El Paso Sector" → "sector de El Paso"; other labels as CBP writes them. */
function aorWords(label: string): MemberWords {
  const sector = /^(.+) Sector$/i.exec(label);
  if (sector) return { en: label, es: `sector de ${sector[1]}` };
  const office = /^(.+) Field Office$/i.exec(label);
  if (office) return { en: label, es: `oficina de campo de ${office[1]}` };
  return { en: label, es: label, untranslated: true };
}

/** A label CBP writes in capitals ("EL SALVADOR") in title case, for one we have no words for. */
function titleCase(label: string): string {
  return label === label.toUpperCase() ? label.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : label;
}

/** Words for one member: from the tables above, else CBP's label itself in both languages. */
export function memberWords(dimension: Dimension, slug: string, label: string): MemberWords {
  if (slug === NOT_STATED) {
    const d = DIMENSION_WORDS[dimension];
    return { en: `${d.en} not stated`, es: `${d.es} sin especificar` };
  }
  const table =
    dimension === 'demo'
      ? DEMOGRAPHICS
      : dimension === 'cit'
        ? COUNTRIES
        : dimension === 'title'
          ? TITLES
          : dimension === 'type'
            ? TYPES
            : dimension === 'region'
              ? REGIONS
              : undefined;
  const known = table?.[slug];
  if (known) return known;
  if (dimension === 'state') {
    const s = STATES[slug];
    if (s)
      return { en: s[0], es: s[1] ?? s[0], ...(s[2] ? { enShort: s[2] } : {}), ...(s[3] ? { esShort: s[3] } : {}) };
  }
  if (dimension === 'aor') return aorWords(label);
  const name = titleCase(label);
  return { en: name, es: name, untranslated: true };
}

/** The Spanish `member` stored on a series: where the label is words, not a state's code. */
export function spanishMember(dimension: Dimension, words: MemberWords): string | undefined {
  if (dimension === 'state' || words.untranslated) return undefined;
  const es = words.es;
  return es.charAt(0).toUpperCase() + es.slice(1);
}
