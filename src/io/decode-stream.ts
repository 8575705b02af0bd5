/**
 * A stream of a file's bytes in, its text out, in UTF-8 or Shift_JIS (CP932) as detected
 * (text-decode.ts): the CSV readers put it between the file and csv-parse, so a large file
 * keeps streaming. A line that does not decode ends the stream with an `EncodingError`
 * naming it; `encoding` says at the end how the text was read.
 *
 * @example
 *   const decode = decodeStream();
 *   await pipeline(createReadStream(path), decode, parser);
 *   decode.encoding; // 'UTF-8 with a BOM'
 */
import { Transform } from 'node:stream';
import { TextDecoding, type TextEncodingName } from './text-decode.ts';

export class DecodeStream extends Transform {
  readonly #decoding = new TextDecoding();

  constructor() {
    super({ decodeStrings: false, readableObjectMode: false, encoding: 'utf8' });
  }

  /** How the text was read (final once the stream ended). */
  get encoding(): TextEncodingName {
    return this.#decoding.encoding;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      const text = this.#decoding.push(chunk);
      if (text !== '') this.push(text);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: (error?: Error | null) => void): void {
    try {
      const text = this.#decoding.end();
      if (text !== '') this.push(text);
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}

export const decodeStream = (): DecodeStream => new DecodeStream();
