/**
 * The video sites an article may embed (YouTube, Bilibili, Youku): how a link to a video is recognised, and the
 * player address it becomes after a reader's click. Shared by the build (which writes the click-to-play link),
 * the page script (which makes the player) and the pages' Content-Security-Policy (frame-src).
 */

export interface VideoProvider {
  name: string;
  /** The video's id in a link to it, or undefined when the link is not a video of this site. */
  idOf: (url: URL) => string | undefined;
  /** The player, loaded only after a click; privacy-enhanced where the site offers it. */
  player: (id: string) => string;
  /** Ids are checked again in the browser before a player is made. */
  id: RegExp;
}

export const VIDEO_PROVIDERS: Record<string, VideoProvider> = {
  youtube: {
    name: 'YouTube',
    id: /^[\w-]{11}$/,
    idOf: (u) => {
      const host = u.hostname.replace(/^(www\.|m\.)/, '');
      if (host === 'youtu.be') return u.pathname.slice(1);
      if (host !== 'youtube.com') return undefined;
      return u.pathname === '/watch' ? (u.searchParams.get('v') ?? undefined) : /^\/(?:shorts|embed|live)\/([\w-]+)/.exec(u.pathname)?.[1];
    },
    player: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
  },
  bilibili: {
    name: 'Bilibili',
    id: /^BV[0-9A-Za-z]{10}$/,
    idOf: (u) => (/(^|\.)bilibili\.com$/.test(u.hostname) ? /^\/video\/(BV[0-9A-Za-z]{10})/.exec(u.pathname)?.[1] : undefined),
    player: (id) => `https://player.bilibili.com/player.html?bvid=${id}&autoplay=1`,
  },
  youku: {
    name: 'Youku',
    id: /^[\w=]{10,24}$/,
    idOf: (u) => (u.hostname === 'v.youku.com' ? /^\/v_show\/id_([\w=]+?)(?:\.html)?$/.exec(u.pathname)?.[1] : undefined),
    player: (id) => `https://player.youku.com/embed/${id}?autoplay=1`,
  },
};

/** The provider and id of a link to a video, or undefined. */
export function videoOf(href: string): { provider: string; id: string } | undefined {
  if (!URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const [provider, p] of Object.entries(VIDEO_PROVIDERS)) {
    const id = p.idOf(url);
    if (id && p.id.test(id)) return { provider, id };
  }
  return undefined;
}

/** The origins of every player, for frame-src. */
export const PLAYER_ORIGINS = Object.values(VIDEO_PROVIDERS).map((p) => new URL(p.player('x')).origin);
