/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import { copy, fmt } from '../copy';
import type { StoredSeries } from '../series/schema';
import type { PageCard } from './card';
import { Discovery } from './meta';
import { WAYS, snippets } from './snippets';
import { urls, withParam } from './url';

interface GalleryCard {
  widget: string;
  info: PageCard | null;
  /** Why there is no preview (e.g. no data before as_of). */
  error?: string;
}
export interface GallerySeries {
  stored: StoredSeries;
  cards: GalleryCard[];
}
/** One breakdown family (parent × dimension), listed as links rather than previewed. */
export interface GalleryFamily {
  parent: { id: string; title: string };
  dimension: string;
  members: Array<{ id: string; member: string }>;
}
type EmbedMode = 'published' | 'live';
export interface GalleryForm {
  theme: string;
  lang: string;
  months: number;
  as_of: string;
  series: string;
  widget: string;
  mode: EmbedMode;
}

const MONTHS = [
  [12, '12 months'],
  [24, '2 years'],
  [36, '3 years'],
  [60, '5 years'],
  [120, '10 years'],
  [240, '20 years (all)'],
] as const;

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function Card({ origin, series, card, mode }: { origin: string; series: string; card: GalleryCard; mode: EmbedMode }) {
  const id = `${series}-${card.widget}`;
  const info = card.info;
  // "As published" pins every URL in the code to the version shown now; "live" follows releases.
  const pinned =
    info && mode === 'published' && !info.pin
      ? { ...info, params: withParam(info.params, 'v', info.stored.version) }
      : info;
  const code = pinned ? snippets(origin, pinned) : null;
  const release = info?.stored.series.source.release;
  return (
    <article id={id} class="card" aria-labelledby={`h-${id}`}>
      <h3 id={`h-${id}`}>
        {card.widget} <span class="path">/{id.replace(`${series}-`, `${series}/`)}</span>
      </h3>
      {info && code ? (
        <>
          <a href={urls.embed('', series, card.widget, info.params)} class="preview">
            <picture>
              {info.compact && (
                <source
                  media="(max-width: 520px)"
                  srcset={urls.card(
                    '',
                    series,
                    card.widget,
                    'svg',
                    withParam(info.params, 'width', String(info.compact.width)),
                  )}
                  width={info.compact.width}
                  height={info.compact.height}
                />
              )}
              <img
                src={urls.card('', series, card.widget, 'svg', info.params)}
                alt={info.desc}
                lang={info.opts.lang}
                width={info.width}
                height={info.height}
                loading="lazy"
              />
            </picture>
          </a>
          <details>
            <summary>
              Embed code{' '}
              <span class="hint">
                {pinned?.params.has('v')
                  ? `(as published: pinned to version ${pinned.params.get('v')}, ${release})`
                  : '(live: follows new releases)'}
              </span>
            </summary>
            {WAYS.map(({ way, label, hint }) => (
              <div class="way">
                <label for={`${id}-${way}`}>{label}</label>
                <p class="hint" id={`${id}-${way}-hint`}>
                  {hint}
                </p>
                <textarea
                  id={`${id}-${way}`}
                  readonly
                  rows={Math.min(8, Math.ceil(code[way].length / 64) + code[way].split('\n').length)}
                  aria-describedby={`${id}-${way}-hint`}
                  spellcheck={false}
                >
                  {code[way]}
                </textarea>
              </div>
            ))}
          </details>
        </>
      ) : (
        <p class="hint">{card.error ?? 'No preview.'}</p>
      )}
    </article>
  );
}

/** GET /: every series and widget, an options form that works without JS, and the code to embed each. */
export function GalleryPage(props: {
  origin: string;
  site: string;
  form: GalleryForm;
  allSeries: Array<{ id: string; title: string }>;
  widgetNames: string[];
  shown: GallerySeries[];
  families: GalleryFamily[];
  /** The form's options as a query, for links that keep them. */
  keep: URLSearchParams;
  featured: PageCard | null;
  style: string;
  script: string;
}) {
  const { origin, site, form, shown, featured } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{site}: gallery and embed codes</title>
        <meta
          name="description"
          content="Live charts of U.S. southwest border encounter data for newsrooms, with code to embed them."
        />
        {featured && (
          <Discovery
            origin={origin}
            pageUrl={urls.gallery(origin, featured.series, featured.widget, featured.params).replace(/#.*$/, '')}
            title={featured.title}
          />
        )}
        <style>{raw(props.style)}</style>
      </head>
      <body>
        <header>
          <h1>{site}</h1>
          <p>
            Live, sourced charts of U.S. Customs and Border Protection’s monthly southwest border encounter counts.
            Choose options, look at the previews, and copy the code for the way your site embeds things.
          </p>
        </header>
        <main>
          <form method="get" action="/" aria-labelledby="opts-h">
            <h2 id="opts-h">Options</h2>
            <div class="fields">
              <Select
                name="series"
                label="Series"
                value={form.series}
                options={[['', 'All series'], ...props.allSeries.map((s) => [s.id, s.title] as const)]}
              />
              <Select
                name="widget"
                label="Widget"
                value={form.widget}
                options={[['', 'All widgets'], ...props.widgetNames.map((w) => [w, w] as const)]}
              />
              <Select
                name="theme"
                label="Theme"
                value={form.theme}
                options={[
                  ['light', 'Light'],
                  ['dark', 'Dark'],
                  ['auto', 'Auto (reader’s setting)'],
                ]}
              />
              <Select
                name="lang"
                label="Language"
                value={form.lang}
                options={[
                  ['en', 'English'],
                  ['es', 'Español'],
                ]}
              />
              <Select
                name="months"
                label="Window"
                value={String(form.months)}
                options={MONTHS.map(([m, l]) => [String(m), l] as const)}
              />
              <Select
                name="mode"
                label="Embed code"
                value={form.mode}
                options={[
                  ['published', 'As published (pinned, for stories)'],
                  ['live', 'Live (follows new releases, for trackers)'],
                ]}
              />
              <div class="field">
                <label for="f-as_of">As of (YYYY-MM, blank for latest)</label>
                <input
                  id="f-as_of"
                  name="as_of"
                  type="month"
                  value={form.as_of}
                  pattern="\d{4}-\d{2}"
                  placeholder="2026-08"
                />
              </div>
              <div class="field">
                <button type="submit">Update previews</button>
              </div>
            </div>
          </form>
          {shown.map(({ stored, cards }) => {
            const s = stored.series;
            const last = s.points.at(-1)!;
            return (
              <section aria-labelledby={`s-${s.id}`}>
                <h2 id={`s-${s.id}`}>{s.title}</h2>
                <p class="hint">
                  <code>{s.id}</code> · {s.source.name}, {s.source.release} · {fmt.month('en', s.points[0]!.period)} to{' '}
                  {fmt.month('en', last.period)} · <a href={urls.csv('', s.id)}>Get the data (CSV)</a>
                </p>
                <div class="grid">
                  {cards.map((card) => (
                    <Card origin={origin} series={s.id} card={card} mode={form.mode} />
                  ))}
                </div>
              </section>
            );
          })}
          {shown.length === 0 && <p>No series match these options.</p>}
          {props.families.length > 0 && (
            <section aria-labelledby="breakdowns-h">
              <h2 id="breakdowns-h">Breakdowns</h2>
              <p class="hint">
                Every CBP breakdown of these totals is a series of its own. Choose one to preview its cards and get its
                embed code.
              </p>
              {props.families.map((f) => (
                <div class="family">
                  <h3>
                    {f.parent.title} by {copy.en.dimensionName[f.dimension] ?? f.dimension}
                  </h3>
                  <ul class="members">
                    {f.members.map((m) => (
                      <li>
                        <a href={`/?${withParam(props.keep, 'series', m.id)}`}>{m.member}</a>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </main>
        <footer>
          <p>
            Data: U.S. Customs and Border Protection. Encounters count events, not unique people. Embed pages send their
            height to the host page; see the README’s “Embedding” section for the message contract and oEmbed.
          </p>
        </footer>
        <script>{raw(props.script)}</script>
      </body>
    </html>
  );
}
