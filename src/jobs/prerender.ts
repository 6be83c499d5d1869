import { canonicalQuery, cardBytes, cardSpec, loadCard, resolveCard, type CardSpec, type Registry } from '../card';
import { NotFound } from '../errors';
import { keys } from '../series/keys';
import { readCatalog, timed } from '../series/store';

/**
 * Default cards rendered once per data version, when it is written, instead of once per data centre
 * on its first miss: every widget of a series, in each theme and language, as SVG and as the 1200×630
 * PNG that social sites and newsletters take, for the featured series only (see `featured`).
 */
const THEMES_SVG = ['light', 'dark', 'auto'] as const;
const THEMES_PNG = ['light', 'dark'] as const;
const LANGS = ['en', 'es'] as const;
/** Pre-renders are keyed by version, so old ones are never served; KV drops them after this. */
const TTL_S = 30 * 86_400;

/**
 * The series the gallery and the README offer by default: the totals and their components (Border
 * Patrol, ports of entry). The other breakdowns are many and rendered on demand.
 */
const featured = (e: { parent?: string; dimension?: string }): boolean => !e.parent || e.dimension === 'component';

/** The card specs pre-rendered for a series: widgets × themes × languages, SVG and og PNG. */
function defaultSpecs(registry: Registry, series: string): CardSpec[] {
  const out: CardSpec[] = [];
  for (const widget of registry.names)
    for (const lang of LANGS) {
      for (const theme of THEMES_SVG)
        out.push(cardSpec(registry, { series, widget, query: { theme, lang }, output: 'svg' }));
      for (const theme of THEMES_PNG)
        out.push(cardSpec(registry, { series, widget, query: { theme, lang, size: 'og' }, output: 'png' }));
    }
  return out;
}

/** The path a card is pre-rendered under: its canonical image URL, without the host. */
export const cardPath = (spec: CardSpec): string =>
  `/v1/${spec.series[0]}/${spec.widget.name}.${spec.output.kind}${canonicalQuery(spec)}`;

/** Whether a request asks for exactly a card that is pre-rendered (a default variant, live, not pinned). */
export function isDefault(spec: CardSpec): boolean {
  if (spec.pin) return false;
  if (![...spec.params.keys()].every((k) => k === 'theme' || k === 'lang')) return false;
  const out = spec.output;
  return out.kind === 'svg' || (out.kind === 'png' && out.scale === 1 && out.size === 'og');
}

/** Renders every default card of these series at their current versions into KV; returns how many. */
export async function prerender(env: Env, registry: Registry, ids: readonly string[] | 'featured'): Promise<number> {
  const catalog = await readCatalog(env.SERIES);
  const top = new Set((catalog?.series ?? []).filter(featured).map((e) => e.id));
  let n = 0;
  for (const id of ids === 'featured' ? [...top] : ids) {
    if (catalog && !top.has(id)) continue;
    for (const spec of defaultSpecs(registry, id)) {
      let versions: string[];
      try {
        versions = await resolveCard(env.SERIES, spec);
      } catch (e) {
        // A breakdown widget for a series without that breakdown has no default card to draw.
        if (e instanceof NotFound) continue;
        throw e;
      }
      const key = keys.prerender(versions, cardPath(spec));
      const bytes = await cardBytes(await loadCard(env.SERIES, spec, versions), env.SERVICE_NAME);
      await timed(env.SERIES.put(key, bytes, { expirationTtl: TTL_S }), key);
      n++;
    }
  }
  return n;
}
