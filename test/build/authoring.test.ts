import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWranglerConfig } from '../../scripts/check-config';
import { DeployError, deploy, deployOptions } from '../../scripts/deploy';
import { changedFeeds, publishToHub } from '../../scripts/websub';
import { compileContent } from '../../src/build/compile';
import { ConfigError, loadConfig } from '../../src/config';
import { articleSource, siteSources } from '../support/fixtures';

const tsx = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hit-authoring-'));
  cpSync('test/fixtures/content', dir, { recursive: true });
  return dir;
}

describe('npm run new', () => {
  it('scaffolds zh.md and en.md as a draft that passes the check', () => {
    const dir = contentCopy();
    const made = tsx('scripts/new-article.ts', 'summer-school', '--tags', 'study-at-hit,open-source', '--content', dir);
    expect(made.status, made.stderr).toBe(0);
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const en = readFileSync(join(dir, 'articles', year, 'summer-school', 'en.md'), 'utf8');
    // The current minute, never later: a later time would schedule the article by accident.
    const written = /^published: (\S+) /m.exec(en)?.[1] ?? '';
    expect(written).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(Date.parse(written)).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - Date.parse(written)).toBeLessThan(5 * 60_000);
    expect(en).toContain('tags: [study-at-hit, open-source]   # choose from: study-at-hit, open-source, partnership');
    expect(en).toContain('draft: true');
    const check = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('summer-school/en.md');
  });

  it('gives articles scaffolded in the same minute different minutes, never a later one', () => {
    const dir = contentCopy();
    for (const slug of ['first-story', 'second-story'])
      expect(tsx('scripts/new-article.ts', slug, '--tags', 'open-source', '--content', dir).status).toBe(0);
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const [first, second] = ['first-story', 'second-story'].map((slug) =>
      Date.parse(/^published: (\S+) /m.exec(readFileSync(join(dir, 'articles', year, slug, 'en.md'), 'utf8'))?.[1] ?? ''),
    );
    expect(first).toBeLessThanOrEqual(Date.now());
    expect(second).not.toBe(first);
    expect(second).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a slug that is taken, in any year', () => {
    const result = tsx('scripts/new-article.ts', 'fixture-cie-visit', '--tags', 'open-source', '--content', contentCopy());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/slug "fixture-cie-visit" is taken by .*articles\/2025\/fixture-cie-visit/);
  });

  it('refuses an invalid slug or an unknown tag', () => {
    expect(tsx('scripts/new-article.ts', 'Summer School', '--tags', 'open-source', '--content', contentCopy()).stderr).toBe(
      '✗ "Summer School" is not a slug; expected lower-case letters, digits and hyphens, e.g. summer-school-2026\n',
    );
    expect(tsx('scripts/new-article.ts', 'ok-slug', '--tags', 'robots', '--content', contentCopy()).stderr).toContain('unknown tag robots');
  });

  it('requires tags (no silent default) and answers an unknown option with one line of usage', () => {
    const noTags = tsx('scripts/new-article.ts', 'ok-slug', '--content', contentCopy());
    expect(noTags.status).toBe(2);
    expect(noTags.stderr).toBe('✗ say the tags (--tags study-at-hit,open-source); choose from study-at-hit, open-source, partnership\n');
    const typo = tsx('scripts/new-article.ts', 'ok-slug', '--tag', 'open-source', '--content', contentCopy());
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    expect(typo.stderr).toContain("Unknown option '--tag'");
    expect(typo.stderr).toContain('usage: npm run new -- <slug> --tags <tag,tag>');
  });
});

describe('drafts', () => {
  const files = [
    ...siteSources(),
    articleSource('ready', 'en'),
    articleSource('wip', 'en', { draft: 'true', published: '2025-03-02T09:00:00+08:00' }),
  ];

  it('are left out of a deploy build and listed as skipped', () => {
    const result = compileContent(files);
    expect(result.content?.articles.en.map((a) => a.slug)).toEqual(['ready']);
    expect(result.skippedDrafts).toEqual(['content/articles/2025/wip/en.md']);
  });

  it('are included, marked, in a local preview build', () => {
    const result = compileContent(files, 'content/', { includeDrafts: true });
    expect(result.content?.articles.en.find((a) => a.slug === 'wip')?.draft).toBe(true);
  });

  it('are still validated, so a bad draft is caught before it is published', () => {
    const result = compileContent([...siteSources(), articleSource('wip', 'en', { draft: 'true', published: 'soon' })]);
    expect(result.problems.map((p) => p.field)).toEqual(['published']);
  });
});

describe('configuration', () => {
  it('names the bad var and what it accepts', () => {
    expect(() => loadConfig({ SITE_URL: 'https://x.edu/news', FEED_ITEMS: '20' })).toThrow(
      'Invalid wrangler var: SITE_URL = "https://x.edu/news": must be empty (use each request\'s origin) or an http(s) origin with no path, query or fragment',
    );
    expect(() => loadConfig({ FEED_ITEMS: '500' })).toThrow('FEED_ITEMS = "500": must be a whole number from 1 to 100');
    expect(() => loadConfig({ WEBSUB_HUB: 'https://hub.example/' })).toThrow(
      'WEBSUB_HUB = "https://hub.example/": needs SITE_URL set as well',
    );
    expect(() => loadConfig({ FEED_ITEMS: 'x' })).toThrow(ConfigError);
  });

  it('accepts the documented defaults', () => {
    expect(loadConfig({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' })).toEqual({ feedItems: 20 });
    expect(loadConfig({ SITE_URL: 'https://news.example.edu/', WEBSUB_HUB: 'https://hub.example/' })).toEqual({
      siteUrl: 'https://news.example.edu',
      feedItems: 20,
      hub: 'https://hub.example/',
    });
  });

  it('npm run check validates every wrangler environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-wrangler-'));
    const toml = readFileSync('test/fixtures/wrangler.toml', 'utf8').replace(
      /(\[env\.staging\.vars\][^[]*?)FEED_ITEMS = "20"/,
      '$1FEED_ITEMS = "0"',
    );
    writeFileSync(join(dir, 'wrangler.toml'), toml);
    const result = checkWranglerConfig(join(dir, 'wrangler.toml'));
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain(
      '[env.staging.vars] Invalid wrangler var: FEED_ITEMS = "0": must be a whole number from 1 to 100',
    );
    expect(result.lines.join('\n')).toContain(`✓ ${join(dir, 'wrangler.toml')} [vars]`);
  });
});

describe('WebSub', () => {
  it('notifies the hub of each changed feed with hub.mode=publish', async () => {
    const received: { method?: string; type?: string; body: string }[] = [];
    const hub = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
    const address = hub.address();
    const hubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      const before = new Map([
        ['https://news.example.edu/zh/rss.xml', '"a"'],
        ['https://news.example.edu/en/rss.xml', '"b"'],
      ]);
      const after = new Map([
        ['https://news.example.edu/zh/rss.xml', '"a"'],
        ['https://news.example.edu/en/rss.xml', '"c"'],
        ['https://news.example.edu/en/tags/events/rss.xml', '"d"'],
      ]);
      const changed = changedFeeds(before, after);
      expect(changed).toEqual(['https://news.example.edu/en/rss.xml', 'https://news.example.edu/en/tags/events/rss.xml']);
      const results = await publishToHub(hubUrl, changed);
      expect(results.map((r) => r.status)).toEqual([204, 204]);
      expect(received).toEqual(
        changed.map((url) => ({
          method: 'POST',
          type: 'application/x-www-form-urlencoded',
          body: `hub.mode=publish&hub.url=${encodeURIComponent(url)}`,
        })),
      );
    } finally {
      hub.close();
    }
  });
});

describe('npm run check: wrangler environments', () => {
  // A fixed wrangler.toml, not the repository's: the web team adds its production block there.
  const base = readFileSync('test/fixtures/wrangler.toml', 'utf8');
  const production = (vars: string, settings = '') =>
    `${base}\n[env.production]\nname = "hit-cie-feeds"\n${settings}[env.production.vars]\n${vars}\n`;
  const check = (toml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-wrangler-'));
    writeFileSync(join(dir, 'wrangler.toml'), toml);
    const result = checkWranglerConfig(join(dir, 'wrangler.toml'));
    return { ...result, stdout: result.lines.filter((l) => l.startsWith('✓')).join('\n') };
  };
  const errors = (toml: string) =>
    check(toml)
      .lines.filter((l) => l.startsWith('✗'))
      .map((l) => l.replace(/^✗ \S+ /, ''));

  it.each([
    [
      'an empty SITE_URL',
      'SITE_URL = ""',
      '[env.production.vars] SITE_URL = "": production needs its public origin, e.g. "https://news.example.edu"',
    ],
    [
      'an http SITE_URL',
      'SITE_URL = "http://news.example.edu"',
      '[env.production.vars] SITE_URL = "http://news.example.edu": production must be served over https; write "https://news.example.edu"',
    ],
    [
      'an unknown var',
      'SITE_URL = "https://news.example.edu"\nFEED_ITEM = "20"',
      '[env.production.vars] FEED_ITEM = "20": not a var this Worker reads; the vars are SITE_URL, FEED_ITEMS, WEBSUB_HUB',
    ],
    [
      'routes written inside vars',
      'SITE_URL = "https://news.example.edu"\nroutes = [{ pattern = "news.example.edu", custom_domain = true }]',
      '[env.production.vars] routes = [{"pattern":"news.example.edu","custom_domain":true}]: "routes" is a wrangler setting, not a var; move it above the [env.production.vars] line, into [env.production]',
    ],
  ])('refuses, for production, %s, echoing the value', (_name, vars, message) => {
    expect(errors(production(vars))).toEqual([message]);
  });

  it('refuses an archive switched on at the top level but not in an environment (wrangler does not inherit bindings)', () => {
    const archive = (section: string) =>
      `[[${section}d1_databases]]\nbinding = "ARCHIVE"\ndatabase_name = "hit-cie-archive"\ndatabase_id = "x"\nmigrations_dir = "migrations"\n`;
    const top = base.replace('[vars]', `${archive('')}\n[vars]`);
    expect(errors(top)).toEqual([
      '[env.staging]: the archive is on ([[d1_databases]] ARCHIVE) but this environment has no [[env.staging.d1_databases]] with binding = "ARCHIVE"; wrangler does not inherit bindings (docs/archive.md)',
    ]);
    const both = top.replace('[env.staging.vars]', `${archive('env.staging.')}[env.staging.vars]`);
    expect(check(both).lines.filter((l) => l.startsWith('✗'))).toEqual([]);
  });

  it('refuses pictures in R2 switched on at the top level but not in an environment, and two environments on one bucket', () => {
    const media = (section: string, bucket: string) => `[[${section}r2_buckets]]\nbinding = "MEDIA"\nbucket_name = "${bucket}"\n`;
    const top = base.replace('[vars]', `${media('', 'hit-cie-media-dev')}\n[vars]`);
    expect(errors(top)).toEqual([
      '[env.staging]: the pictures are in R2 ([[r2_buckets]] MEDIA) but this environment has no [[env.staging.r2_buckets]] with binding = "MEDIA"; wrangler does not inherit bindings (docs/archive.md › Pictures in R2)',
    ]);
    const staging = top.replace('[env.staging.vars]', `${media('env.staging.', 'hit-cie-media-staging')}[env.staging.vars]`);
    expect(check(staging).lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    const shared = `${staging}\n[env.production]\n${media('env.production.', 'hit-cie-media-staging')}[env.production.vars]\nSITE_URL = "https://news.example.edu"\n`;
    expect(errors(shared)).toEqual([
      `[env.production]: bucket_name "hit-cie-media-staging" is [env.staging]'s too; give each environment its own bucket (a deploy deletes the pictures its build does not use)`,
    ]);
  });

  it('accepts the production block docs/deploying.md gives', () => {
    const readme = readFileSync('docs/deploying.md', 'utf8');
    const block = /```toml\n( *\[env\.production\][\s\S]*?) *```/.exec(readme)?.[1]?.replace(/^ +/gm, '');
    expect(block).toBeDefined();
    const result = check(`${base}\n${block}`);
    expect(result.lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(result.stdout).toContain('[env.production.vars]: SITE_URL https://news.example.edu');
  });
});

describe('npm run deploy, when Cloudflare would refuse the static files', () => {
  it('stops before building, in one line, when the pictures alone are more than any plan takes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hit-deploy-limit-'));
    const folder = join(root, 'content/articles/2026/photo-archive');
    mkdirSync(folder, { recursive: true });
    // 50,001 pictures (empty files: the count is read from names, before anything reads them) make 100,002 files.
    for (let i = 0; i <= 50_000; i++) writeFileSync(join(folder, `p${i}.jpg`), '');
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'wrangler.toml'), readFileSync('test/fixtures/wrangler.toml', 'utf8'));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await expect(deploy({ env: 'staging', dryRun: true })).rejects.toThrow(
        '50,001 pictures beside the articles make at least 100,002 static files, more than Cloudflare takes on any plan (100,000): put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2); nothing was built or deployed',
      );
    } finally {
      process.chdir(cwd);
    }
    // Nothing was built.
    expect(existsSync(join(root, 'src/generated'))).toBe(false);
  });
});

describe('npm run deploy', () => {
  // The fixture wrangler.toml (staging only), as a fresh clone has it; no credentials, never the developer's own login.
  const config = 'test/fixtures/wrangler.toml';
  const noCredentials = { HOME: mkdtempSync(join(tmpdir(), 'hit-home-')), XDG_CONFIG_HOME: '', CLOUDFLARE_API_TOKEN: '' };
  const refusal = (...args: string[]) => {
    try {
      deployOptions(args, config, noCredentials);
    } catch (error) {
      if (error instanceof DeployError) return { code: error.code, message: error.message };
      throw error;
    }
    return undefined;
  };

  it('requires an environment and never deploys the top-level config', () => {
    expect(refusal()).toEqual({
      code: 2,
      message: 'say which environment to deploy; usage: npm run deploy -- --env <staging> [--dry-run]',
    });
  });

  it('answers a misspelt environment in one line, before any check runs', () => {
    expect(refusal('--env', 'stagign')).toEqual({
      code: 2,
      message: 'no environment "stagign" in wrangler.toml; the environments are: staging',
    });
  });

  it('says how to set production up when it is not configured yet', () => {
    expect(refusal('--env', 'production')?.message).toContain('[env.production] is not set up yet: copy the block in docs/deploying.md');
  });

  it('stops at authentication with one line, having deployed and recorded nothing', () => {
    expect(refusal('--env', 'staging')).toEqual({
      code: 1,
      message:
        'no Cloudflare credentials: run `npx wrangler login` (opens a browser), or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID (docs/deploying.md › Deploying from a server or CI); nothing was deployed',
    });
  });

  it('needs no credentials for a dry run, which touches nothing remote', () => {
    expect(deployOptions(['--env', 'staging', '--dry-run'], config, noCredentials)).toEqual({ env: 'staging', dryRun: true });
  });
});

describe('npm run build (and npm start, which runs it) with a bad var', () => {
  it('stops in one line naming the var and its value, before writing anything', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hit-badvar-'));
    writeFileSync(
      join(cwd, 'wrangler.toml'),
      readFileSync('test/fixtures/wrangler.toml', 'utf8').replace('FEED_ITEMS = "20"', 'FEED_ITEMS = "twenty"'),
    );
    const out = join(cwd, 'generated', 'content.ts');
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        join(process.cwd(), 'scripts/build-content.ts'),
        '--content',
        join(process.cwd(), 'test/fixtures/content'),
        '--out',
        out,
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      '✗ wrangler.toml [vars]: Invalid wrangler var: FEED_ITEMS = "twenty": must be a whole number from 1 to 100\n',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run new in a terminal', () => {
  it('asks again when the slug or the tags are wrong, then scaffolds the article', () => {
    const dir = contentCopy();
    // `script` gives the program a terminal, as a person running it has; the answers come in order.
    const command = `${process.execPath} --import ${import.meta.resolve('tsx')} scripts/new-article.ts --content ${dir}`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      input: 'Summer School\nfixture-cie-visit\nsummer-school\nrobots\nopen-source\n',
      timeout: 150_000,
    });
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain('✗ "Summer School" is not a slug');
    expect(result.stdout).toContain('✗ slug "fixture-cie-visit" is taken');
    expect(result.stdout).toContain('✗ unknown tag robots');
    expect(result.stdout).toContain('as a draft');
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    expect(readFileSync(join(dir, 'articles', year, 'summer-school', 'zh.md'), 'utf8')).toContain('tags: [open-source]');
  });
});
