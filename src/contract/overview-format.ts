/**
 * The binary form of GET /api/overview, both ways: `encodeOverview` (the server) and
 * `decodeOverview` (the web, the tests). Layout: the 4 bytes "WLOV", a uint32
 * little-endian byte length L, L bytes of UTF-8 JSON (the header: `OverviewHeaderSchema`
 * in schemas.ts), zero padding to a multiple of 8, then each typed array of
 * `header.arrays` at its `offset` (little-endian, each padded to 8 bytes), so the browser
 * views them in place without copying. Ids and names travel as one UTF-8 text with the
 * end offset of each (`textEnd`: id 0, name 0, id 1, …).
 *
 * @example
 *   const overview = decodeOverview(await response.arrayBuffer());
 *   overview.x[3]; overview.ids[3]; overview.names[3];
 */
import type { OverviewArray, OverviewHeader } from './api-types.ts';

export const OVERVIEW_FORMAT = 'weaklink-overview/1';
const MAGIC = [0x57, 0x4c, 0x4f, 0x56]; // "WLOV"

/** Flag bits of the `flags` array. */
export const OVERVIEW_FLAGS = { focal: 1, critical: 2, unassessed: 4 } as const;

/** The typed arrays of the overview, by name (see OverviewArraySchema). */
export interface OverviewArrays {
  x: Float32Array;
  y: Float32Array;
  score: Float32Array;
  risk: Float32Array;
  /** Structural importance (PageRank on the reversed supply graph). */
  importance: Float32Array;
  tier: Int8Array;
  flags: Uint8Array;
  edgeSupplier: Uint32Array;
  edgeBuyer: Uint32Array;
  criticalStart: Uint32Array;
  critical: Uint32Array;
}

export interface Overview extends OverviewArrays {
  header: OverviewHeader;
  ids: string[];
  names: string[];
}

type ArrayName = OverviewArray['name'];
type Typed = Float32Array | Uint32Array | Uint8Array | Int8Array;

const TYPES: Record<OverviewArray['type'], { bytes: number; make: (b: ArrayBuffer, o: number, n: number) => Typed }> = {
  float32: { bytes: 4, make: (b, o, n) => new Float32Array(b, o, n) },
  uint32: { bytes: 4, make: (b, o, n) => new Uint32Array(b, o, n) },
  uint8: { bytes: 1, make: (b, o, n) => new Uint8Array(b, o, n) },
  int8: { bytes: 1, make: (b, o, n) => new Int8Array(b, o, n) },
};

const typeOf = (a: Typed): OverviewArray['type'] =>
  a instanceof Float32Array
    ? 'float32'
    : a instanceof Uint32Array
      ? 'uint32'
      : a instanceof Int8Array
        ? 'int8'
        : 'uint8';

const pad8 = (n: number): number => Math.ceil(n / 8) * 8;

/** The answer's bytes: `header` (without `arrays`, which this fills in), then `arrays`, ids and names. */
export function encodeOverview(
  header: Omit<OverviewHeader, 'arrays'>,
  arrays: OverviewArrays,
  ids: readonly string[],
  names: readonly string[],
): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const textEnd = new Uint32Array(2 * ids.length);
  const parts: Uint8Array[] = [];
  let textBytes = 0;
  for (let i = 0; i < ids.length; i++) {
    for (const s of [ids[i]!, names[i] ?? '']) {
      const bytes = encoder.encode(s);
      parts.push(bytes);
      textBytes += bytes.length;
      textEnd[parts.length - 1] = textBytes;
    }
  }
  const text = new Uint8Array(textBytes);
  let at = 0;
  for (const p of parts) {
    text.set(p, at);
    at += p.length;
  }
  const columns: [ArrayName, Typed][] = [
    ...(Object.entries(arrays) as [ArrayName, Typed][]),
    ['textEnd', textEnd],
    ['text', text],
  ];
  // The header's length depends on the offsets, which depend on it: place after a generous guess, then check.
  const describe = (start: number): OverviewArray[] => {
    let offset = start;
    return columns.map(([name, a]) => {
      const entry = { name, type: typeOf(a), offset, length: a.length };
      offset += pad8(a.byteLength);
      return entry;
    });
  };
  let start = 0;
  let json = encoder.encode(JSON.stringify({ ...header, arrays: describe(start) }));
  for (;;) {
    const needed = pad8(8 + json.length);
    if (needed <= start) break;
    start = needed + 64;
    json = encoder.encode(JSON.stringify({ ...header, arrays: describe(start) }));
  }
  const layout = describe(start);
  const last = layout[layout.length - 1]!;
  const out = new Uint8Array(last.offset + pad8(text.byteLength));
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  columns.forEach(([, a], k) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[k]!.offset));
  return out;
}

/** The header of an answer of GET /api/overview. Throws `overview: …` when the bytes are not one. */
export function readOverviewHeader(bytes: Uint8Array): OverviewHeader {
  if (bytes.length < 8 || MAGIC.some((b, k) => bytes[k] !== b))
    throw new Error('overview: the answer does not start with "WLOV"; is this GET /api/overview?');
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as OverviewHeader;
  if (header.format !== OVERVIEW_FORMAT)
    throw new Error(`overview: format "${String(header.format)}", this page reads ${OVERVIEW_FORMAT}; reload it`);
  return header;
}

/** Reads an answer of GET /api/overview. Throws `overview: …` when the bytes are not one. */
export function decodeOverview(buffer: ArrayBuffer): Overview {
  const header = readOverviewHeader(new Uint8Array(buffer));
  const found = new Map<ArrayName, Typed>();
  for (const a of header.arrays) {
    const type = TYPES[a.type];
    if (a.offset % 8 !== 0 || a.offset + a.length * type.bytes > buffer.byteLength)
      throw new Error(`overview: array ${a.name} lies outside the answer (${buffer.byteLength} bytes)`);
    found.set(a.name, type.make(buffer, a.offset, a.length));
  }
  const get = <T extends Typed>(name: ArrayName): T => {
    const a = found.get(name);
    if (a === undefined) throw new Error(`overview: the answer has no array ${name}`);
    return a as T;
  };
  const textEnd = get<Uint32Array>('textEnd');
  const text = get<Uint8Array>('text');
  const decoder = new TextDecoder();
  const n = header.companies;
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  let from = 0;
  for (let i = 0; i < n; i++) {
    const idEnd = textEnd[2 * i]!;
    const nameEnd = textEnd[2 * i + 1]!;
    ids[i] = decoder.decode(text.subarray(from, idEnd));
    names[i] = decoder.decode(text.subarray(idEnd, nameEnd));
    from = nameEnd;
  }
  return {
    header,
    ids,
    names,
    x: get('x'),
    y: get('y'),
    score: get('score'),
    risk: get('risk'),
    importance: get('importance'),
    tier: get('tier'),
    flags: get('flags'),
    edgeSupplier: get('edgeSupplier'),
    edgeBuyer: get('edgeBuyer'),
    criticalStart: get('criticalStart'),
    critical: get('critical'),
  };
}
