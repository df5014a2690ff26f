/**
 * embed-frame.js, inside the iframe form of the widget (/{lang}/embed): tells the page that frames it
 * how tall the news is, so that page can size the frame to it (see the partners page's snippet).
 * Without it (or without the partner's listener) the frame keeps the height the snippet gives it.
 */
(() => {
  const post = () => parent.postMessage({ type: 'hit-news-height', height: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
  new ResizeObserver(post).observe(document.body);
  post();
})();
