/**
 * npm start [-- --at "2026-12-08 09:00"] [wrangler dev options]: the local server (wrangler dev, workerd inside) on
 * http://localhost:8787, rebuilt on every save. Without --at it shows drafts (marked) and scheduled articles at once;
 * with --at it shows the site exactly as production will at that time (Beijing time unless the time has an offset):
 * no drafts, and only what has gone out by then. A content error prints its problems and the server keeps the last
 * good build.
 */
import { spawn } from 'node:child_process';
import { parseDateTime } from '../src/dates';

/** "2026-12-08 09:00" (Beijing time) or an ISO 8601 time with its offset, as an ISO time; undefined when neither. */
export function previewTime(text: string): string | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/.exec(text.trim());
  const iso = local ? `${local[1]}T${local[2]}:${local[3] ?? '00'}+08:00` : text.trim();
  // The content's own rule for times: a real date and time, with an offset.
  return 'error' in parseDateTime(iso) ? undefined : iso;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--at');
  let previewAt: string | undefined;
  if (at >= 0) {
    previewAt = previewTime(args[at + 1] ?? '');
    if (!previewAt) {
      console.error(
        `✗ --at ${JSON.stringify(args[at + 1] ?? '')}: expected a time such as "2026-12-08 09:00" (Beijing time) or 2026-12-08T09:00:00+08:00`,
      );
      process.exit(2);
    }
    args.splice(at, 2);
  }
  const env = {
    ...process.env,
    INCLUDE_DRAFTS: previewAt ? '' : '1',
    PREVIEW_AT: previewAt ?? '',
    CONTENT_BUILT: '',
  };
  // The content is built here, and again on every save, by one watcher process whose modules stay loaded (a rebuild
  // takes a fraction of a second); wrangler's own [build] step is then skipped (CONTENT_BUILT).
  const builder = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-content.ts', '--watch'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env,
  });
  let server: ReturnType<typeof spawn> | undefined;
  builder.on('message', (message: { built?: boolean }) => {
    if (server) return;
    if (!message.built) {
      console.error('\n✗ fix the problems above, then run npm start again');
      builder.kill();
      process.exit(1);
    }
    if (previewAt) console.log(`\n▶ showing the site as production will at ${previewAt} (no drafts; scheduled articles from their time)`);
    server = spawn('npx', ['wrangler', 'dev', ...args], { stdio: 'inherit', env: { ...env, CONTENT_BUILT: '1' } });
    server.on('exit', (code) => {
      builder.kill();
      process.exit(code ?? 0);
    });
  });
  builder.on('exit', (code) => {
    if (!server) process.exit(code ?? 1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      builder.kill(signal);
      server?.kill(signal);
    });
  }
}
