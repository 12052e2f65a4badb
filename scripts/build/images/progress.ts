export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** In CI a build with nothing new to encode prints nothing. */
  ci?: boolean;
}

export interface Progress {
  tick(): void;
  finish(): void;
}

/**
 * Reports encoding as `done / total`: rewritten in place on a terminal, a line
 * every tenth of the way in logs.
 */
export function startProgress(fresh: number, cached: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const ci = options.ci ?? Boolean(process.env.CI);
  const started = Date.now();
  let done = 0;
  let lastLogged = 0;
  if (fresh > 0) stream.write(line(`encoding ${fresh} new, ${cached} from cache`, stream));
  return {
    tick() {
      done++;
      if (stream.isTTY) stream.write(`\rImages: ${done}/${fresh}`);
      else if (done === fresh || done - lastLogged >= Math.max(1, Math.ceil(fresh / 10))) {
        lastLogged = done;
        stream.write(`Images: ${done}/${fresh}\n`);
      }
    },
    finish() {
      if (fresh > 0) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        stream.write(line(`${fresh} encoded in ${seconds} s, ${cached} from cache`, stream));
      } else if (!ci && cached > 0) {
        stream.write(line(`${cached} up to date`, stream));
      }
    },
  };
}

function line(text: string, stream: ProgressStream): string {
  return `${stream.isTTY ? "\r\x1b[K" : ""}Images: ${text}\n`;
}
