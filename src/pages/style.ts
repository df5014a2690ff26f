/** The one stylesheet every page shares (served at /style.css). */
import { languageFontCss } from '../languages';

export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1d1d1f;--muted:#5b5b66;--bg:#fff;--accent:#004c97;--line:#d8d8e0;--code:#f3f4f7}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--muted:#a8a8b3;--bg:#15161a;--accent:#7fb2ff;--line:#33343b;--code:#23242a}}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.7 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
${languageFontCss()}
main{overflow-wrap:anywhere}
.body table,.feeds{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;overflow-wrap:normal;word-break:keep-all;background:linear-gradient(to right,var(--bg) 30%,transparent) left center/2.5rem 100% no-repeat local,linear-gradient(to left,var(--bg) 30%,transparent) right center/2.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,color-mix(in srgb,var(--fg) 30%,transparent),transparent) left center/.9rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,color-mix(in srgb,var(--fg) 30%,transparent),transparent) right center/.9rem 100% no-repeat scroll}
.body th,.body td{border:1px solid var(--line);padding:.35rem .6rem;vertical-align:top;text-align:left}
.body th,.feeds th{white-space:nowrap}.body table code,.feeds code{overflow-wrap:normal}
.body th.right,.body td.right{text-align:right;font-variant-numeric:tabular-nums}.body th.center,.body td.center{text-align:center}.nw{white-space:nowrap}
.body img,.body video,.body iframe{max-width:100%;height:auto}
.feeds code{white-space:nowrap;user-select:all}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header,main,footer{max-width:46rem;margin:0 auto;padding:1rem 1.25rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between;border-bottom:1px solid var(--line)}
header .site{font-weight:700;text-decoration:none;color:var(--fg)}
header nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
h1{font-size:1.75rem;line-height:1.3;margin:.5rem 0 1rem}
h1,h2,h3{text-wrap:balance}:is(h1,h2,h3):lang(zh-CN),:lang(zh-CN) :is(h1,h2,h3),:is(h1,h2,h3) :lang(zh-CN){word-break:keep-all}
h2{font-size:1.3rem;margin-top:2rem}
.meta{color:var(--muted);font-size:.95rem}
.list{list-style:none;padding:0}.list li{margin:0 0 1.5rem}
.list h3{margin:0;font-size:1.15rem}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.tags a{border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;text-decoration:none;font-size:.9rem}
.feeds{font-size:.95rem}
.feeds th,.feeds td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
code,pre{background:var(--code);border-radius:4px;font-size:.85em;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Noto Sans Mono CJK SC","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",monospace}
code{padding:.1rem .3rem;white-space:nowrap}code.long{white-space:normal;overflow-wrap:anywhere}pre{padding:.75rem;overflow-x:auto}
.body img{max-width:100%;height:auto}
.body figure{margin:0 0 1rem}.body picture img{display:block}
.video a{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;border:1px solid var(--line);border-radius:6px;padding:1rem;text-decoration:none}
.video .play{font-weight:700}.video .provider{color:var(--muted);font-size:.9rem}
.video-player{display:block;width:100%;aspect-ratio:16/9;border:0;margin:0 0 1rem}
.gallery{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,13rem),1fr));gap:.5rem}
.gallery img{width:100%;height:auto;aspect-ratio:4/3;object-fit:cover;border-radius:4px}
.draft{background:#ffe9a8;color:#3a2d00;padding:.25rem .5rem;border-radius:4px;font-weight:700}
fieldset{border:1px solid var(--line);border-radius:6px;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
input,select,button{font:inherit}
pre code{display:block;white-space:pre;overflow-wrap:normal;padding:0;tab-size:4}
.copy{font-size:.85rem;margin:.25rem 0 .75rem;padding:.2rem .6rem}.feeds .copy{margin:.25rem 0 0;display:block}
.preview{margin:1rem 0}.preview-frame{border:1px solid var(--line);border-radius:8px;width:100%}
.columns{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
`.trim();
