// Console output for the tools: short, labelled, colour only on a terminal.
import { styleText } from 'node:util';

const paint = (style, text) => styleText(style, text, { stream: process.stdout });

export const log = {
  info: (message) => console.log(message),
  note: (message) => console.log(paint('dim', message)),
  ok: (message) => console.log(paint('green', message)),
  warn: (message) => console.warn(paint('yellow', message)),
  error: (message) => console.error(paint('red', message)),
  heading: (message) => console.log(paint('bold', message)),
};

/** Keeps the last `size` lines of a stream of text chunks. */
export class Tail {
  #lines = [];
  #partial = '';

  constructor(size = 60) {
    this.size = size;
  }

  push(chunk) {
    const lines = (this.#partial + String(chunk)).split(/\r?\n/);
    this.#partial = lines.pop();
    this.#lines.push(...lines);
    if (this.#lines.length > this.size) this.#lines.splice(0, this.#lines.length - this.size);
  }

  text() {
    return [...this.#lines, this.#partial].filter(Boolean).join('\n');
  }
}

export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
