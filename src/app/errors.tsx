/** What a client gets when there is nothing to answer or answering failed: the 404 page or problem+json, never a stack. */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ConfigError } from '../config';
import type { Library } from '../content/library';
import { isLang, LANGS, type Lang } from '../content/model';
import { prefersHtml } from '../http/negotiate';
import { ProblemError, problemResponse } from '../http/problem';
import { CACHE } from '../http/representation';
import { NotFoundPage } from '../pages/not-found';
import { type AppContext, type AppEnv, HTML } from './context';

/** 404: the page in the path's language for browsers, problem+json for everything else. */
export function notFound(library: Library) {
  return missingAnswer(library, false);
}

/** 410 for an article withdrawn on purpose (content/withdrawn.yaml): it is gone, not mistyped. */
export function gone(library: Library) {
  return missingAnswer(library, true);
}

/** The language a path starts with, if it is one of the site's. */
function pathLang(path: string): Lang | undefined {
  const first = path.split('/')[1] ?? '';
  return isLang(first) ? first : undefined;
}

function missingAnswer(library: Library, withdrawn: boolean) {
  const status = withdrawn ? 410 : 404;
  return async (c: AppContext): Promise<Response> => {
    const path = new URL(c.req.url).pathname;
    const head = c.req.method === 'HEAD';
    if (!prefersHtml(c.req.raw)) {
      const problem = withdrawn
        ? { status, title: 'Gone', detail: `The article at ${path} was withdrawn by the publisher and will not return.` }
        : {
            status,
            title: 'Not found',
            detail: `Nothing is published at ${path}. The languages are ${LANGS.join(', ')}; every feed is listed at /.`,
          };
      return problemResponse(problem, { Vary: 'Accept' }, head);
    }
    return errorPage(c, status, { library, lang: pathLang(path), base: c.get('base'), gone: withdrawn });
  };
}

/** An error page (src/pages/not-found.tsx) as the answer, with `status`; HEAD gets its headers only. */
async function errorPage(c: AppContext, status: number, props: Parameters<typeof NotFoundPage>[0]): Promise<Response> {
  const html = `<!DOCTYPE html>${await (<NotFoundPage {...props} />).toString()}`;
  return new Response(c.req.method === 'HEAD' ? null : html, {
    status,
    headers: { 'Content-Type': HTML, 'Cache-Control': CACHE.error, Vary: 'Accept' },
  });
}

/** Paths of the reading pages (lists, articles): not feeds, documents, scripts or the partners' embeds. */
const isReadingPage = (path: string) => !/\.[a-z]+$/.test(path) && !/\/embed\/?$/.test(path);

/**
 * 400 for a browser on a reading page whose query value it does not take (/zh/?page=abc): the page in the path's
 * language, naming the parameter, never the value; other clients get problem+json.
 */
function badRequestPage(library: Library, c: AppContext, path: string, parameter: string): Promise<Response> {
  return errorPage(c, 400, { library, lang: pathLang(path), base: c.get('base'), badParameter: parameter, firstPage: path });
}

/** Problems thrown by routes and middleware become their answer; anything else is logged and a plain 500. */
export function onError(library: Library): ErrorHandler<AppEnv> {
  const missing = notFound(library);
  return (error, c) => {
    if (error instanceof ProblemError) {
      if (error.problem.status === 404 && prefersHtml(c.req.raw) && c.get('base')) return missing(c);
      const parameter = error.problem.parameter;
      if (error.problem.status === 400 && typeof parameter === 'string' && prefersHtml(c.req.raw) && c.get('base')) {
        const path = new URL(c.req.url).pathname;
        if (isReadingPage(path)) return badRequestPage(library, c, path, parameter);
      }
      return error.getResponse(c.req.method === 'HEAD');
    }
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof ConfigError) {
      // The operator's mistake, not the client's; saying which var is wrong leaks nothing.
      console.error(error.message);
      return problemResponse({ status: 500, title: 'Server misconfigured', detail: error.message });
    }
    console.error('unexpected failure', c.req.method, new URL(c.req.url).pathname, error);
    return problemResponse({ status: 500, title: 'Internal error', detail: 'The server failed to answer; the failure has been logged.' });
  };
}
