/**
 * Progress of a long build step: on a terminal one line rewritten per item (a count and what is done now); elsewhere
 * (CI logs) a line per item for short steps, a line each tenth for long ones, so a log shows the step moving
 * without thousands of lines.
 */
export function progress(label: string): { item(done: number, total: number, detail?: string): void; end(): void } {
  const tty = process.stdout.isTTY;
  let shown = false;
  let lastTenth = -1;
  return {
    item(done, total, detail) {
      const line = `  ${label} ${done}/${total}${detail ? `: ${detail}` : ''}`;
      if (tty) {
        process.stdout.write(`\r${line.padEnd(process.stdout.columns ? process.stdout.columns - 1 : 100).slice(0, 200)}`);
        shown = true;
        return;
      }
      const tenth = Math.floor((done * 10) / Math.max(total, 1));
      if (total <= 50 || tenth > lastTenth) console.log(line);
      lastTenth = tenth;
    },
    end() {
      if (tty && shown) process.stdout.write('\r\x1b[K');
    },
  };
}
