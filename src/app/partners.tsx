/** The partner kit: the partners page with its snippet generator, the embeddable list and the scripts behind them. */
import { Hono } from 'hono';
import { isLang, LANGS, type Lang } from '../content/model';
import { EMBED_JS, FRAME_JS, GENERATOR_JS, VIDEO_JS } from '../generated/embed';
import { htmlPolicy } from '../http/headers';
import { prefersHtml } from '../http/negotiate';
import { ProblemError } from '../http/problem';
import { permanentRedirect } from '../http/redirects';
import { CACHE } from '../http/representation';
import { DEFAULT_LANG } from '../languages';
import { EMBED_CSS, EmbedErrorPage, EmbedPage } from '../pages/embed';
import { type EmbedOptions, embedQuery, parseEmbedOptions } from '../pages/embed-options';
import { PartnersPage } from '../pages/partners';
import { type AppContext, type AppEnv, HTML, type Responder } from './context';
import { notFound } from './errors';

const JS = 'text/javascript; charset=utf-8';

/**
 * The embed's 400, as an HTML page the partner's frame may show. It names the option and what it accepts, never the
 * value sent: any site may frame this page, and must not make it say words of its choosing ("Session expired...").
 */
async function embedError(c: AppContext, lang: Lang, error: ProblemError): Promise<Response> {
  const { parameter, allowed } = error.problem;
  const detail = parameter && allowed ? `"${parameter}": ${allowed}.` : 'an option of this embed is not valid.';
  const html = `<!DOCTYPE html>${await (<EmbedErrorPage lang={lang} detail={detail} base={c.get('base')} />).toString()}`;
  return new Response(c.req.method === 'HEAD' ? null : html, {
    status: error.problem.status,
    headers: { 'Content-Type': HTML, 'Cache-Control': CACHE.error, 'Content-Security-Policy': htmlPolicy({ framable: true }) },
  });
}

/**
 * Every other answer under /{lang}/embed stays readable in a partner's frame: /EN/embed and /en/embed/ lead to
 * /en/embed (301, the query kept); a language the site has not (/fr/embed) is a framable 404 that names the ones it has.
 */
function embedElsewhere(c: AppContext, lang: string): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const lower = lang.toLowerCase();
  if (isLang(lower)) return permanentRedirect(`${c.get('base')}/${lower}/embed${url.search}`);
  const error = new ProblemError({
    status: 404,
    title: 'Not found',
    detail: 'no such language',
    parameter: 'language',
    allowed: `the path starts with ${LANGS.map((l) => `/${l}/`).join(' or ')}`,
  });
  return embedError(c, DEFAULT_LANG, error);
}

export function partnerRoutes(responder: Responder) {
  const { library, newest } = responder;
  const missing = notFound(library);

  /** A page of the kit in one language, rendered once per set of embed options, with its own CSP. */
  const kitPage = (Page: typeof PartnersPage | typeof EmbedPage, csp: string) => (c: AppContext) => {
    const lang = c.req.param('lang') ?? '';
    if (!isLang(lang)) return Page === EmbedPage ? embedElsewhere(c, lang) : missing(c);
    let options: EmbedOptions;
    try {
      options = parseEmbedOptions(c.get('url'), library, lang);
    } catch (error) {
      // In a partner's frame a problem+json with frame-ancestors 'none' shows as a grey "refused" box: the embed
      // answers its 400 as a page the frame may show, saying what is wrong.
      if (Page !== EmbedPage || !(error instanceof ProblemError) || !prefersHtml(c.req.raw)) throw error;
      return embedError(c, lang, error);
    }
    return responder.page(c, () => <Page library={library} lang={lang} base={c.get('base')} options={options} />, {
      lastModified: newest,
      headers: { 'Content-Security-Policy': csp },
      query: embedQuery(options),
    });
  };

  return new Hono<AppEnv>()
    .get('/:lang/partners', kitPage(PartnersPage, htmlPolicy({ scripts: true, frames: true, forms: true })))
    .get('/:lang/embed', kitPage(EmbedPage, htmlPolicy({ framable: true, scripts: true })))
    .get('/:lang/embed/', (c) => embedElsewhere(c, c.req.param('lang') ?? ''))
    .get('/embed.js', (c) => responder.serve(c, JS, () => EMBED_JS, { cache: CACHE.script }))
    .get('/embed-frame.js', (c) => responder.serve(c, JS, () => FRAME_JS, { cache: CACHE.script }))
    .get('/partners.js', (c) => responder.serve(c, JS, () => GENERATOR_JS, { cache: CACHE.script }))
    .get('/video.js', (c) => responder.serve(c, JS, () => VIDEO_JS, { cache: CACHE.script }))
    .get('/embed.css', (c) => responder.serve(c, 'text/css; charset=utf-8', () => EMBED_CSS, { cache: CACHE.script }));
}
