/** @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import { fmt } from '../lib/i18n';
import { EMBED_CLIENT, EMBED_STYLE } from './client';
import type { CardInfo } from './load';
import { Discovery, Social, canonicalEmbed } from './meta';
import { pageStrings } from './text';
import { urls, withParam } from './url';

export interface EmbedPageProps {
  origin: string;
  info: CardInfo;
  site: string;
  /** The same card laid out for narrow frames (< 480 px), when the caller did not fix a width. */
  compact: { width: number; height: number } | null;
}

/** The iframe page: the card, its words, the plotted numbers as a table, the source and the data. */
export function EmbedPage({ origin, info, site, compact }: EmbedPageProps) {
  const s = pageStrings[info.opts.lang];
  const lang = info.opts.lang;
  const src = (p: URLSearchParams) => urls.card('', info.series, info.widget, 'svg', p);
  const pageUrl = canonicalEmbed(origin, info);
  const source = info.stored.series.source;
  const unit = info.stored.series.unit;
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
        <Social origin={origin} info={info} pageUrl={pageUrl} site={site} />
        <style>{raw(EMBED_STYLE)}</style>
      </head>
      <body>
        <main>
          <h1 class="sr-only">{info.title}</h1>
          <figure>
            {/* Cards fill the frame; small ones (badges) keep their size rather than blow up. */}
            <picture class={info.width >= 320 ? 'fill' : undefined}>
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
                    {info.stored.series.title}: {s.table}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.month}</th>
                      <th scope="col">{unit}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {info.plotted.map((p) => (
                      <tr>
                        <th scope="row">{fmt.monthLong(lang, p.period)}</th>
                        <td>{fmt.number(lang, p.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p class="meta">
                {s.source}:{' '}
                <a href={source.url} target="_blank" rel="noopener">
                  {source.name}
                </a>
                , {source.release}. {s.asOf} {fmt.monthLong(lang, info.latest.period)}.{' '}
                <a href={urls.csv(origin, info.series)} target="_blank" rel="noopener">
                  {s.getData}
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
