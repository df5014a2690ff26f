/**
 * A third language, added the way the README says: its texts (src/languages/ru.ts, listed in index.ts) and its
 * site file (content/site/ru.yaml), on a copy of the project. Nothing else in the code changes, and the Worker
 * then serves its feeds and pages. (Russian texts and the article are SYNTHETIC test data.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectWorkspace } from '../../scripts/workspace';

const RU_TEXTS = `import type { Language } from './types';

const ru = {
  code: 'ru',
  tag: 'ru',
  ogLocale: 'ru_RU',
  name: 'Русский',
  cjk: false,
  dateLocale: 'ru-RU',
  formatDate: (y, m, d) => \`\${String(d).padStart(2, '0')}.\${String(m).padStart(2, '0')}.\${y}\`,
  readIn: (other) => \`Читать: \${other.name}\`,
  draftPrefix: '[ЧЕРНОВИК] ',
  ui: {
    siteName: 'Новости «Учёба в HIT»',
    articles: 'Все статьи',
    newest: 'Новые статьи',
    feeds: 'Ленты',
    subscribe: 'Вставьте любой из этих адресов в программу для чтения лент.',
    opml: 'Импортировать все ленты (OPML)',
    published: 'Опубликовано',
    updated: 'Обновлено',
    by: 'Автор',
    tags: 'Метки',
    original: 'Оригинал',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'Здесь ничего нет. Ленты и главная страница ниже.',
    pageN: 'страница {n}',
    goneTitle: 'Статья снята',
    badRequestTitle: 'Этот адрес не открыть',
    badRequestText: 'Значение «{parameter}» в этом адресе страница не принимает.',
    playVideo: 'Смотреть видео',
    goneText: 'Издатель снял эту статью.',
    home: 'Главная',
    partners: 'Партнёрам',
    noArticles: 'Статей пока нет.',
    draft: 'Черновик (только локально)',
    tagFeeds: 'Ленты этой метки',
    allTags: 'Метки',
    newer: '← Новее',
    older: 'Старее →',
    format: 'Формат',
    feedsIn: 'Ленты на русском: ',
    privacy: 'Конфиденциальность',
    copy: 'Копировать',
    copied: 'Скопировано',
    colon: ': ',
    address: 'Адрес',
    etagPlaceholder: 'ETag из прошлого ответа',
    skip: 'К содержанию',
    siteNav: 'Сайт',
    pagination: 'Страницы',
    homeTitle: 'Ленты новостей «Учёба в HIT»',
    about: 'О сайте',
    aboutText: 'Новости Колледжа международного образования HIT в форматах RSS, Atom и JSON Feed.',
    themes: { light: 'светлая', dark: 'тёмная', auto: 'как в системе' },
  },
  embed: { heading: 'Новости «Учёба в HIT»', more: 'Ещё новости', badOption: 'Неверный параметр.' },
  partners: {
    title: 'Партнёрам',
    intro: 'Сайты могут публиковать эти новости.',
    feeds: 'Ленты',
    topics: 'Ленты по меткам',
    embed: 'Встроить новости',
    embedIntro: 'Вставьте этот код на страницу.',
    options: 'Параметры',
    limit: 'Число (1–20)',
    tag: 'Метка',
    allTags: 'Все',
    theme: 'Тема',
    summary: 'Показывать аннотации',
    yes: 'да',
    no: 'нет',
    update: 'Обновить код',
    preview: 'Просмотр',
    iframe: 'Или через iframe:',
    iframeComment: 'Необязательно: высота рамки по новостям.',
    fetchTitle: 'Чтение JSON-ленты через fetch()',
    server: 'Опрос с сервера',
    etiquette: ['Не чаще раза в 10 минут.'],
    attribution: 'Указание источника',
  },
  report: {
    title: 'Отчёт',
    heading: 'Охват',
    window: '{days} дней',
    private: 'без cookie',
    subscribers: 'Подписчики',
    noCounts: 'Пока нет.',
    unverified: 'Непроверенные заявки (не суммируются)',
    clients: 'Клиенты',
    partners: 'Партнёры',
    none: 'Пока нет.',
    perDay: 'Запросы по дням',
    share304: 'Доля 304',
    articles: 'Статьи',
  },
  privacy: {
    title: 'Конфиденциальность',
    description: 'Что считается и что никогда не хранится.',
    intro: 'Сайт не ставит cookie и никого не отслеживает.',
    counted: ['число запросов к лентам и статьям;'],
    never: 'Никогда не хранятся IP-адреса.',
    where: 'Данные хранятся в Cloudflare Workers Analytics Engine.',
  },
  scaffold: {
    mark: '(заполнить)',
    title: 'Заголовок (заполнить)',
    summary: 'Аннотация (заполнить).',
    author: 'Автор (заполнить)',
    body: 'Текст статьи (заполнить).',
  },
} as const satisfies Language;

export default ru;
`;

const RU_SITE = `# SYNTHETIC test data: a third language.
title: Учёба в HIT · Новости Колледжа международного образования
description: Новости «Учёба в HIT» на русском языке.
publisher: Колледж международного образования HIT
homePage: https://cie.hit.edu.cn/
rights: © Колледж международного образования HIT
attribution: Указывайте источник и ссылку на оригинал.
tags:
  study-at-hit: Учёба в HIT
  open-source: Открытый код
  partnership: Партнёрство
`;

const RU_ARTICLE = `---
title: Синтетическая статья о визите в фонд OpenAtom
summary: Синтетическая аннотация для проверки третьего языка.
published: 2025-09-05T00:00:00+08:00
author: Тестовый автор
tags: [study-at-hit, open-source, partnership]
---

Синтетический текст статьи на русском языке.
`;

let dir: string;
let answers: Record<string, { status: number; type: string; body: string }>;
let build: ReturnType<typeof spawnSync>;
let typecheck: ReturnType<typeof spawnSync>;

beforeAll(() => {
  dir = projectWorkspace(mkdtempSync(join(tmpdir(), 'hit-ru-')), (content) => {
    cpSync('test/fixtures/content', content, { recursive: true });
    writeFileSync(join(content, 'site/ru.yaml'), RU_SITE);
    mkdirSync(join(content, 'articles/2025/fixture-cie-visit'), { recursive: true });
    writeFileSync(join(content, 'articles/2025/fixture-cie-visit/ru.md'), RU_ARTICLE);
  });
  // The language's texts, and its line in the list: the only code a new language needs.
  writeFileSync(join(dir, 'src/languages/ru.ts'), RU_TEXTS);
  const index = join(dir, 'src/languages/index.ts');
  const list = readFileSync(index, 'utf8');
  expect(list).toContain('export const LANGUAGES = [zh, en]');
  writeFileSync(
    index,
    list.replace("import zh from './zh';", "import ru from './ru';\nimport zh from './zh';").replace('[zh, en]', '[zh, en, ru]'),
  );

  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-content.ts'], { cwd: dir, encoding: 'utf8', env });
  typecheck = spawnSync(process.execPath, [join(process.cwd(), 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.worker.json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const probe = `
    import { createApp } from './src/app';
    import { Library } from './src/content/library';
    import { content } from './src/generated/content';
    import { PRERENDERED_FEEDS } from './src/generated/feeds';
    const app = createApp(Library.of(content), PRERENDERED_FEEDS);
    const out: Record<string, unknown> = {};
    for (const path of ${JSON.stringify([
      '/ru/rss.xml',
      '/ru/atom.xml',
      '/ru/feed.json',
      '/ru/',
      '/ru/articles/fixture-cie-visit',
      '/ru/tags/open-source/',
      '/ru/partners',
      '/ru/privacy',
      '/ru/no-such-page',
      '/zh/articles/fixture-cie-visit',
      '/',
      '/sitemaps/articles-2025.xml',
      '/feeds.opml',
    ])}) {
      const res = await app.fetch(new Request('https://feeds.test' + path, { headers: { Accept: 'text/html' } }), { SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
      out[path] = { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    }
    process.stdout.write(JSON.stringify(out));
  `;
  writeFileSync(join(dir, 'probe.ts'), probe);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'probe.ts'], { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 << 20 });
  answers = JSON.parse(run.stdout || '{}');
}, 120_000);

describe('a third language (ru) added with its texts and site file only', () => {
  it('builds and type-checks with no other change', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(String(build.stdout)).toContain('1 ru');
    // Its social card is drawn in Cyrillic, nothing left out.
    expect(String(build.stderr)).not.toContain('leaves out');
    expect(typecheck.status, String(typecheck.stdout)).toBe(0);
  });

  it('serves its three feeds, in Russian', () => {
    const rss = answers['/ru/rss.xml'];
    expect(rss?.status).toBe(200);
    expect(rss?.body).toContain('<language>ru</language>');
    expect(rss?.body).toContain('Синтетическая статья о визите в фонд OpenAtom');
    expect(answers['/ru/atom.xml']?.body).toContain('xml:lang="ru"');
    const json = JSON.parse(answers['/ru/feed.json']?.body ?? '{}') as { language: string; items: { title: string }[] };
    expect(json.language).toBe('ru');
    expect(json.items.map((i) => i.title)).toEqual(['Синтетическая статья о визите в фонд OpenAtom']);
  });

  it('serves its pages in Russian, linked with the other languages', () => {
    for (const path of ['/ru/', '/ru/articles/fixture-cie-visit', '/ru/tags/open-source/', '/ru/partners', '/ru/privacy']) {
      expect(answers[path]?.status, path).toBe(200);
      expect(answers[path]?.body, path).toContain('<html lang="ru">');
    }
    const index = answers['/ru/']?.body ?? '';
    expect(index).toContain('Учёба в HIT · Новости Колледжа международного образования');
    // The language switch offers both other languages.
    expect(index).toContain('<a href="/zh/" hreflang="zh-CN" lang="zh-CN">中文</a>');
    expect(index).toContain('<a href="/en/" hreflang="en" lang="en">English</a>');
    expect(answers['/ru/articles/fixture-cie-visit']?.body).toContain('05.09.2025');
    const missing = answers['/ru/no-such-page'];
    expect([missing?.status, missing?.body.includes('Страница не найдена')]).toEqual([404, true]);
  });

  it('joins the other languages: translations, landing page, sitemap and OPML', () => {
    expect(answers['/zh/articles/fixture-cie-visit']?.body).toContain('<link rel="alternate" hreflang="ru"');
    const home = answers['/']?.body ?? '';
    expect(home).toContain('/ru/rss.xml');
    expect(home).toContain('Ленты новостей «Учёба в HIT»');
    expect(answers['/sitemaps/articles-2025.xml']?.body).toContain('hreflang="ru"');
    expect(answers['/feeds.opml']?.body).toContain('/ru/rss.xml');
  });
});
