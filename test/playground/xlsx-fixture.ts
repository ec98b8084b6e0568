/**
 * Hand-built XLSX files for the import tests: a zip written here (not by the reader under test)
 * around sheet XML the test spells out, so hostile shapes (a cell in column XFD, a part that
 * unpacks to 40 MB) can be made exactly.
 */
import * as zlib from 'node:zlib';

const crc32 = (zlib as unknown as { crc32(data: Buffer): number }).crc32;

/** A zip of the given parts, each deflated (or stored, with `stored`). */
export function zip(parts: Record<string, string | Buffer>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.from(content);
    const packed = stored ? data : zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** An XLSX whose first sheet's <sheetData> is `rowsXml`, with optional shared strings and styles. */
export function xlsx(rowsXml: string | Buffer, extra: { sharedStrings?: string[]; styles?: string } = {}): Buffer {
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="Deals" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': Buffer.concat([
      Buffer.from(`<?xml version="1.0"?><worksheet ${NS}><sheetData>`),
      Buffer.from(rowsXml),
      Buffer.from('</sheetData></worksheet>'),
    ]),
  };
  if (extra.sharedStrings) {
    const items = extra.sharedStrings
      .map((s) => `<si><t xml:space="preserve">${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`)
      .join('');
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0"?><sst ${NS} count="${extra.sharedStrings.length}">${items}</sst>`;
  }
  if (extra.styles) parts['xl/styles.xml'] = extra.styles;
  return zip(parts);
}

/** An inline-string cell. */
export const text = (ref: string, s: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
export const num = (ref: string, n: number): string => `<c r="${ref}"><v>${n}</v></c>`;
