/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import { copy, fmt } from '../copy';
import { WIDTH } from '../limits';
import type { CardEvent } from '../kit/widget';
import type { SincePin } from '../series/since';
import type { PageCard } from './card';
import { EMBED_CLIENT, EMBED_STYLE } from './client';
import { Discovery, Social, canonicalEmbed } from './meta';
import { urls, withParam } from './url';

export interface EmbedPageProps {
  origin: string;
  info: PageCard;
  shareImage: string;
  /** On a pinned page: what changed since the pinned version (null when nothing did). */
  since?: SincePin | null;
}

const SHOWN_REVISIONS = 6;

/** An event's date or dates as the page states them: "June 5, 2024" / "5 de junio de 2024". */
function eventDate(lang: 'en' | 'es', e: CardEvent): string {
  const day = (d: string) => fmt.day(lang, d);
  return e.end ? `${day(e.start)} – ${day(e.end)}` : day(e.start);
}

/**
 * What the page's script needs to explore the chart, as an inert JSON block (no CSP hash needed:
 * it is data, never run): each stop's readout once, and its x in each layout the page may show.
 */
function exploreData(info: PageCard): string | null {
  const full = info.explore;
  if (!full || full.stops.length === 0) return null;
  const geo = (w: number, e: NonNullable<PageCard['explore']>) => ({
    w,
    top: e.top,
    bottom: e.bottom,
    x: e.stops.map((s) => s.x),
  });
  const c = info.compact?.explore;
  const data = {
    stops: full.stops.map((s) => [s.head, s.value, s.detail]),
    full: geo(info.width, full),
    ...(c && info.compact && c.stops.length === full.stops.length ? { compact: geo(info.compact.width, c) } : {}),
  };
  // Inside <script>, "</" and U+2028/9 must not appear literally.
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The iframe page. Its default view is the card and one bar of controls, of known height, so a
 * snippet can reserve the frame's final size (src/embed/reserve.ts); everything longer (the table,
 * notes, events, revisions, the source line) is in a view the reader opens. With its script the
 * chart can be explored by pointer, touch and keyboard; without it, the card and the bar still work.
 */
export function EmbedPage({ origin, info, shareImage, since }: EmbedPageProps) {
  const lang = info.opts.lang;
  const t = copy[lang];
  const src = (p: URLSearchParams) => urls.card('', info.series, info.widget, 'svg', p);
  const pageUrl = canonicalEmbed(origin, info);
  const source = info.stored.series.source;
  const compact = info.compact;
  const explore = exploreData(info);
  const asOf = `${t.asOf} ${fmt.monthLong(lang, info.latest.period)}`;
  const csv = urls.csv(origin, info.series);
  return (
    <html lang={lang} data-theme={info.opts.theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{info.title}</title>
        <meta name="description" content={info.desc} />
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={pageUrl} />
        <Discovery origin={origin} pageUrl={pageUrl} title={info.title} />
        <Social image={shareImage} info={info} pageUrl={pageUrl} />
        <style>{raw(EMBED_STYLE)}</style>
      </head>
      <body>
        <main>
          <h1 class="sr-only">{info.title}</h1>
          <figure>
            <div class="chart" id="bs-chart" data-label={t.exploreLabel}>
              {/* Cards fill the frame; small ones (badges) keep their size rather than blow up. */}
              <picture class={info.fill ? 'fill' : undefined}>
                {compact && (
                  <source
                    data-card=""
                    media={`(max-width: ${WIDTH.compactBelow - 1}px)`}
                    srcset={src(withParam(info.params, 'width', String(compact.width)))}
                    width={compact.width}
                    height={compact.height}
                  />
                )}
                <img
                  data-card=""
                  src={src(info.params)}
                  alt={info.title}
                  width={info.width}
                  height={info.height}
                  aria-describedby="bs-desc"
                />
              </picture>
            </div>
            <div class="tablev sr-only" id="bs-table">
              <table>
                <caption>
                  {info.seriesTitle}: {t.table}
                </caption>
                <thead>
                  <tr>
                    {info.table.columns.map((c) => (
                      <th scope="col">{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {info.table.rows.map((r) => (
                    <tr>
                      <th scope="row">{r.head}</th>
                      {r.cells.map((cell) => (
                        <td>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="csv">
                {t.source}: {source.name}, {source.release}. {asOf}.{' '}
                <a href={csv} target="_blank" rel="noopener">
                  {t.getData}
                </a>
              </p>
            </div>
            <figcaption class="sr-only" id="bs-desc">
              {info.desc}
            </figcaption>
          </figure>
          <p class="sr-only" id="bs-live" aria-live="polite"></p>
          <div class="bar">
            <div class="views" role="group" aria-label={t.viewLabel} hidden>
              <button type="button" data-view="chart" aria-pressed="true">
                {t.viewChart}
              </button>
              <button type="button" data-view="table" aria-pressed="false">
                {t.viewTable}
              </button>
            </div>
            <details class="about">
              <summary>
                {t.aboutData}
                {since && <span class="flag"> · {t.revisedFlag}</span>}
              </summary>
              <div class="panel">
                {since && (
                  <p class="revised" role="note">
                    {since.revised.length > 0 && (
                      <>
                        {t.revisedSince}{' '}
                        {since.revised.slice(0, SHOWN_REVISIONS).map((r, i) => (
                          <>
                            {i > 0 && '; '}
                            {fmt.month(lang, r.period)} {fmt.number(lang, r.from)} → {fmt.number(lang, r.to)} (
                            {r.vintage})
                          </>
                        ))}
                        {since.revised.length > SHOWN_REVISIONS && (
                          <>
                            ; {t.moreRevised(since.revised.length - SHOWN_REVISIONS)} (
                            <a href={urls.revisions(origin, info.series)} target="_blank" rel="noopener">
                              {t.revisionLedger}
                            </a>
                            )
                          </>
                        )}
                        .{' '}
                      </>
                    )}
                    {since.newer && <>{t.newerMonths(fmt.monthLong(lang, since.newer.last))} </>}
                    <a href={urls.embed('', info.series, info.widget, withParam(info.params, 'v', null))}>
                      {t.seeLatest}
                    </a>
                    .
                  </p>
                )}
                <p class="meta">
                  {t.source}:{' '}
                  <a href={source.url} target="_blank" rel="noopener">
                    {source.name}
                  </a>
                  , {source.release}. {asOf}.{' '}
                  <a href={csv} target="_blank" rel="noopener">
                    {t.getData}
                  </a>
                </p>
                <p class="notes">{[t.eventsNote, ...(info.notes ?? [])].join(' ')}</p>
                {info.events && info.events.length > 0 && (
                  <div class="events">
                    <h2>
                      {t.eventsShown} ({info.events.length})
                    </h2>
                    <ol>
                      {info.events.map((e) => (
                        <li id={`event-${e.id}`}>
                          <strong>{e.label}</strong> ({eventDate(lang, e)}). {e.description}{' '}
                          <span class="cite">
                            {t.eventSource}:{' '}
                            <a href={e.source.url} target="_blank" rel="noopener">
                              {e.source.name}
                            </a>
                            . {e.citation}
                          </span>
                        </li>
                      ))}
                    </ol>
                  </div>
                )}
              </div>
            </details>
          </div>
          <p class="print-only">
            {t.source}: {source.name}, {source.release}. {asOf}. {t.printedFrom} {pageUrl}
          </p>
        </main>
        {explore && (
          <script type="application/json" id="bs-explore">
            {raw(explore)}
          </script>
        )}
        <script>{raw(EMBED_CLIENT)}</script>
      </body>
    </html>
  );
}
