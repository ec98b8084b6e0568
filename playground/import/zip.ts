/**
 * Just enough of the ZIP format to read the parts of an XLSX file, with every size bounded: the
 * central directory is read from the file itself, and each part is inflated with a hard limit on
 * its unpacked size (a 100 KB "zip bomb" stops at the limit instead of filling memory).
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './limits';

/** The most one part of an XLSX file may unpack to. */
export const MAX_XLSX_PART_BYTES = 32 * 1024 * 1024;
/** The most parts (files inside the zip) an XLSX file may list. */
export const MAX_XLSX_PARTS = 1_000;

interface Entry {
  method: number;
  flags: number;
  packed: number;
  offset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export class ZipParts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly bytes: Buffer,
    private readonly file: string,
  ) {
    const unreadable = (): ImportError =>
      new ImportError(`Nothing was imported: ${file} is not a readable XLSX workbook.`);
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
      if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw unreadable();
    const count = bytes.readUInt16LE(end + 10);
    const start = bytes.readUInt32LE(end + 16);
    if (count > MAX_XLSX_PARTS)
      throw new ImportError(
        `Nothing was imported: ${file} holds ${count} parts; an XLSX workbook the playground imports holds at most ${MAX_XLSX_PARTS}.`,
      );
    let at = start;
    for (let k = 0; k < count; k++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable();
      const nameLength = bytes.readUInt16LE(at + 28);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name, {
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        packed: bytes.readUInt32LE(at + 20),
        offset: bytes.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's text, unpacked to at most MAX_XLSX_PART_BYTES. */
  text(name: string): string {
    const e = this.entries.get(name);
    if (!e)
      throw new ImportError(`Nothing was imported: ${this.file} has no ${name}; it is not a readable XLSX workbook.`);
    if (e.flags & 1)
      throw new ImportError(`Nothing was imported: ${this.file} is encrypted; save it without a password first.`);
    const b = this.bytes;
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== LOCAL_HEADER)
      throw new ImportError(`Nothing was imported: ${this.file} is damaged (${name}).`);
    const from = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    if (from + e.packed > b.length)
      throw new ImportError(`Nothing was imported: ${this.file} is damaged or cut short (${name}).`);
    const packed = b.subarray(from, from + e.packed);
    const tooBig = (): ImportError =>
      new ImportError(
        `Nothing was imported: ${name} inside ${this.file} unpacks to more than ${MAX_XLSX_PART_BYTES / 1024 / 1024} MB; the playground reads parts up to that size.`,
      );
    if (e.method === 0) {
      if (packed.length > MAX_XLSX_PART_BYTES) throw tooBig();
      return packed.toString('utf8');
    }
    if (e.method !== 8)
      throw new ImportError(
        `Nothing was imported: ${name} inside ${this.file} uses a compression the playground does not read.`,
      );
    try {
      return inflateRawSync(packed, { maxOutputLength: MAX_XLSX_PART_BYTES }).toString('utf8');
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooBig();
      throw new ImportError(`Nothing was imported: ${this.file} is damaged (${name} cannot be unpacked).`);
    }
  }
}
