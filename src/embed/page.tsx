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

/** The iframe page: the card, its words, the plotted numbers as a table, the source and the data. */
export function EmbedPage({ origin, info, shareImage, since }: EmbedPageProps) {
  const lang = info.opts.lang;
  const t = copy[lang];
  const src = (p: URLSearchParams) => urls.card('', info.series, info.widget, 'svg', p);
  const pageUrl = canonicalEmbed(origin, info);
  const source = info.stored.series.source;
  const compact = info.compact;
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
            {/* Cards fill the frame; small ones (badges) keep their size rather than blow up. */}
            <picture class={info.width >= WIDTH.min ? 'fill' : undefined}>
              {compact && (
                <source
                  data-card=""
                  media="(max-width: 479px)"
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
            <figcaption>
              <p class="sr-only" id="bs-desc">
                {info.desc}
              </p>
              <div class="sr-only">
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
              </div>
              <p class="notes">{[t.eventsNote, ...(info.notes ?? [])].join(' ')}</p>
              {info.events && info.events.length > 0 && (
                <details class="events">
                  <summary>
                    {t.eventsShown} ({info.events.length})
                  </summary>
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
                </details>
              )}
              {since && (
                <p class="revised" role="note">
                  {since.revised.length > 0 && (
                    <>
                      {t.revisedSince}{' '}
                      {since.revised.slice(0, SHOWN_REVISIONS).map((r, i) => (
                        <>
                          {i > 0 && '; '}
                          {fmt.month(lang, r.period)} {fmt.number(lang, r.from)} → {fmt.number(lang, r.to)} ({r.vintage}
                          )
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
                , {source.release}. {t.asOf} {fmt.monthLong(lang, info.latest.period)}.{' '}
                <a href={urls.csv(origin, info.series)} target="_blank" rel="noopener">
                  {t.getData}
                </a>
              </p>
            </figcaption>
          </figure>
        </main>
        <script>{raw(EMBED_CLIENT)}</script>
      </body>
    </html>
  );
}
