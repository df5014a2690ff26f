/**
 * video.js, on article pages with a video: a click on the video link puts the site's player in its place. Nothing
 * is requested from the video site before that click; without this script the link simply opens the video there.
 */
import { VIDEO_PROVIDERS } from './video-providers';

for (const link of document.querySelectorAll<HTMLAnchorElement>('a.video[data-video]')) {
  link.addEventListener('click', (event) => {
    const [provider = '', id = ''] = (link.dataset.video ?? '').split(':');
    const p = VIDEO_PROVIDERS[provider];
    if (!p?.id.test(id)) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = p.player(id);
    frame.title = link.textContent?.trim() ?? p.name;
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.className = 'video-player';
    link.replaceWith(frame);
    frame.focus();
  });
}
