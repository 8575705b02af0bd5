/**
 * The text encodings weaklink reads: UTF-8 (with or without a BOM: Excel's "CSV UTF-8")
 * and Shift_JIS as Windows writes it, CP932 (Japanese Excel's plain "CSV"). Which one a
 * file is in is detected from its bytes (encoding-japanese's `detect`, on a window from the
 * first non-ASCII byte, cut at a line end), then the text is decoded by the platform's
 * strict `TextDecoder` (WHATWG `shift_jis` is CP932, with the NEC and IBM extensions).
 * Anything else — UTF-16 (Excel's "Unicode text"), EUC-JP, JIS, binary — and any line
 * that does not decode in the detected encoding is an `EncodingError` naming the line:
 * never silent replacement characters.
 *
 * `TextDecoding` takes the bytes in chunks, so a large file streams (decode-stream.ts);
 * it decodes whole lines only (a line feed is never part of a multi-byte character in
 * either encoding), so a bad line is found exactly. Browser-safe: no Node module.
 *
 * @example
 *   const decoding = new TextDecoding();
 *   const text = decoding.push(bytes) + decoding.end(); // decoding.encoding: 'Shift_JIS (CP932)'
 */
import Encoding from 'encoding-japanese';

export const ENCODING_DEFAULTS = {
  /** Bytes from the first non-ASCII byte the encoding is detected on. */
  sampleBytes: 64 * 1024,
};

/** How a text was read, for the note the reader prints. */
export type TextEncodingName = 'ASCII' | 'UTF-8' | 'UTF-8 with a BOM' | 'Shift_JIS (CP932)';

const WHAT_TO_DO =
  'weaklink reads UTF-8 (Excel: "CSV UTF-8 (Comma delimited)") and Shift_JIS/CP932 (Excel: "CSV (Comma delimited)"); save the file again as one of them';

/** A text in an encoding weaklink does not read, or a line that does not decode; `line` is 1-based. */
export class EncodingError extends Error {
  override name = 'EncodingError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const LF = 0x0a;
type Decodable = 'utf-8' | 'shift_jis';
const LABEL: Record<Decodable, string> = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS (CP932)' };

export class TextDecoding {
  /** How the text is being read; 'ASCII' until a byte beyond ASCII is seen. */
  encoding: TextEncodingName = 'ASCII';
  #decodable: Decodable | undefined;
  #decoder: TextDecoder | undefined;
  /** Bytes not decoded yet: a line not ended, or the window the encoding is detected on. */
  #held: Uint8Array = new Uint8Array(0);
  /** Line number of the first byte held. */
  #line = 1;
  #started = false;

  /** Decodes the next chunk of bytes; answers the text of the lines it completed. */
  push(chunk: Uint8Array): string {
    this.#held = this.#held.length === 0 ? chunk : concat(this.#held, chunk);
    if (!this.#started) {
      if (this.#held.length < 3) return '';
      this.#start();
    }
    if (this.#decodable === undefined) {
      const first = firstNonAscii(this.#held);
      if (first === -1) return this.#take(lastLineEnd(this.#held) + 1, (bytes) => latin1(bytes));
      if (this.#held.length - first < ENCODING_DEFAULTS.sampleBytes) {
        // ASCII lines before the first non-ASCII byte read the same in both encodings.
        const ascii = lastLineEnd(this.#held.subarray(0, first)) + 1;
        return ascii > 0 ? this.#take(ascii, (bytes) => latin1(bytes)) : '';
      }
      this.#decide(this.#held.subarray(first));
    }
    return this.#take(lastLineEnd(this.#held) + 1, (bytes) => this.#decode(bytes));
  }

  /** Decodes what is left; throws EncodingError when it does not decode. */
  end(): string {
    if (!this.#started) this.#start();
    if (this.#decodable === undefined) {
      const first = firstNonAscii(this.#held);
      if (first === -1) return this.#take(this.#held.length, (bytes) => latin1(bytes));
      this.#decide(this.#held.subarray(first));
    }
    return this.#take(this.#held.length, (bytes) => this.#decode(bytes));
  }

  /** Looks at the first bytes: a byte-order mark decides, or refuses, the encoding. */
  #start(): void {
    this.#started = true;
    const [a, b, c] = this.#held;
    if (a === 0xef && b === 0xbb && c === 0xbf) {
      this.#held = this.#held.subarray(3);
      this.#use('utf-8');
      this.encoding = 'UTF-8 with a BOM';
    } else if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
      throw new EncodingError(
        `the file is UTF-16 text (Excel's "Unicode text"), which weaklink does not read; ${WHAT_TO_DO}`,
        1,
      );
    }
  }

  /** Detects the encoding on `sample` (bytes from the first non-ASCII one), cut at its last line end. */
  #decide(sample: Uint8Array): void {
    const head = sample.subarray(0, ENCODING_DEFAULTS.sampleBytes);
    const end = lastLineEnd(head);
    const window = end > 0 ? head.subarray(0, end) : head;
    const named = Encoding.detect(window);
    if (named === 'UTF8' || named === 'ASCII') return this.#use('utf-8');
    if (named === 'SJIS') return this.#use('shift_jis');
    const what =
      named === 'EUCJP'
        ? 'EUC-JP text'
        : named === 'JIS'
          ? 'JIS (ISO-2022-JP) text'
          : named === 'UTF16' || named === 'UTF16BE' || named === 'UTF16LE'
            ? 'UTF-16 text'
            : 'neither UTF-8 nor Shift_JIS (CP932) text';
    const line = this.#line + firstBadLine(this.#held, ['utf-8', 'shift_jis']);
    throw new EncodingError(`the file is ${what}: line ${line} cannot be read as either encoding; ${WHAT_TO_DO}`, line);
  }

  #use(decodable: Decodable): void {
    this.#decodable = decodable;
    this.#decoder = new TextDecoder(decodable, { fatal: true, ignoreBOM: true });
    if (this.encoding === 'ASCII') this.encoding = decodable === 'utf-8' ? 'UTF-8' : 'Shift_JIS (CP932)';
  }

  /** Strict decode of whole lines; a line that fails is named. */
  #decode(bytes: Uint8Array): string {
    try {
      return this.#decoder!.decode(bytes);
    } catch {
      const line = this.#line + firstBadLine(bytes, [this.#decodable!]);
      throw new EncodingError(
        `line ${line} is not ${LABEL[this.#decodable!]} text, the encoding detected from the lines before it; ${WHAT_TO_DO}`,
        line,
      );
    }
  }

  /** Decodes the first `count` held bytes with `decode`, counting their lines; keeps the rest. */
  #take(count: number, decode: (bytes: Uint8Array) => string): string {
    if (count <= 0) return '';
    const bytes = this.#held.subarray(0, count);
    const text = decode(bytes);
    this.#line += countLines(bytes);
    this.#held = this.#held.subarray(count);
    return text;
  }
}

/** Decodes a whole text; `encoding` says how it was read. Throws EncodingError. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decoding = new TextDecoding();
  const text = decoding.push(bytes) + decoding.end();
  return { text, encoding: decoding.encoding };
}

/** 0-based index of the first line of `bytes` that decodes in none of `encodings`. */
function firstBadLine(bytes: Uint8Array, encodings: Decodable[]): number {
  const decoders = encodings.map((e) => new TextDecoder(e, { fatal: true }));
  let line = 0;
  for (let from = 0; from < bytes.length; line++) {
    let to = bytes.indexOf(LF, from);
    if (to === -1) to = bytes.length;
    const text = bytes.subarray(from, to);
    const decodes = decoders.some((decoder) => {
      try {
        decoder.decode(text);
        return true;
      } catch {
        return false;
      }
    });
    if (!decodes) return line;
    from = to + 1;
  }
  return Math.max(0, line - 1);
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function lastLineEnd(bytes: Uint8Array): number {
  return bytes.lastIndexOf(LF);
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const ASCII = new TextDecoder('utf-8');

/** ASCII bytes as text (every byte below 0x80: the same in both encodings). */
function latin1(bytes: Uint8Array): string {
  return ASCII.decode(bytes);
}
