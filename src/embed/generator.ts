/**
 * partners.js: the snippet generator on /{lang}/partners updates as options change, without a reload.
 * It asks the server for the page with the new options and takes the snippets and the previews from
 * it, so the snippet is built in one place (src/pages/partners.tsx). Without scripts, the form's
 * "Update" button does the same with a reload.
 */
(() => {
  // A copy button beside every feed URL and snippet: one tap, whatever the phone's selection does.
  const labels = JSON.parse(document.querySelector('[data-copy-labels]')?.getAttribute('data-copy-labels') ?? '{}') as {
    copy?: string;
    copied?: string;
  };
  for (const code of document.querySelectorAll<HTMLElement>('.feeds code, #snippet, #iframe-snippet, pre code')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = labels.copy ?? 'Copy';
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(code.textContent ?? '');
      button.textContent = labels.copied ?? 'Copied';
      setTimeout(() => (button.textContent = labels.copy ?? 'Copy'), 2000);
    });
    (code.closest('pre') ?? code.parentElement)?.after(button);
  }

  const form = document.querySelector<HTMLFormElement>('form.generator');
  if (!form) return;
  let pending = 0;
  const update = async () => {
    const ticket = ++pending;
    const query = new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])).toString();
    const url = `${location.pathname}?${query}`;
    const res = await fetch(url, { headers: { Accept: 'text/html' } });
    if (!res.ok || ticket !== pending) return;
    const next = new DOMParser().parseFromString(await res.text(), 'text/html');
    for (const id of ['snippet', 'iframe-snippet']) {
      const here = document.getElementById(id);
      const there = next.getElementById(id);
      if (here && there) here.textContent = there.textContent;
    }
    // The preview runs the new snippet: scripts from parsed HTML do not run, so make them anew.
    const preview = document.getElementById('preview');
    const fresh = next.getElementById('preview');
    if (preview && fresh) {
      preview.replaceChildren(
        ...[...fresh.childNodes].map((node) => {
          if (!(node instanceof HTMLScriptElement)) return document.importNode(node, true);
          const script = document.createElement('script');
          for (const attr of node.attributes) script.setAttribute(attr.name, attr.value);
          return script;
        }),
      );
    }
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame');
    const freshFrame = next.querySelector<HTMLIFrameElement>('iframe.preview-frame');
    if (frame && freshFrame) {
      frame.src = freshFrame.getAttribute('src') ?? frame.src;
      frame.height = freshFrame.getAttribute('height') ?? frame.height;
    }
    history.replaceState(null, '', `${url}#embed`);
  };
  // The preview frame takes the height its content reports (src/embed/frame.ts).
  addEventListener('message', (event) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame');
    if (frame && event.source === frame.contentWindow && event.data?.type === 'hit-news-height') frame.height = String(event.data.height);
  });
  form.addEventListener('change', () => void update());
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLInputElement).type === 'number') void update();
  });
})();
