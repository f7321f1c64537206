import { inflateRawSync } from 'node:zlib';

/**
 * The text of every XML part of an .xlsx (a zip), for tests that check who appears in a downloaded
 * workbook without a spreadsheet library: read from the zip's central directory, stored or deflated.
 */
export function xlsxText(xlsx: Buffer): string {
  const end = xlsx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = xlsx.readUInt16LE(end + 10);
  let at = xlsx.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    if (xlsx.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = xlsx.readUInt16LE(at + 10);
    const size = xlsx.readUInt32LE(at + 20);
    const nameLength = xlsx.readUInt16LE(at + 28);
    const skip = nameLength + xlsx.readUInt16LE(at + 30) + xlsx.readUInt16LE(at + 32);
    const local = xlsx.readUInt32LE(at + 42);
    const name = xlsx.subarray(at + 46, at + 46 + nameLength).toString();
    const start = local + 30 + xlsx.readUInt16LE(local + 26) + xlsx.readUInt16LE(local + 28);
    const data = xlsx.subarray(start, start + size);
    if (name.endsWith('.xml')) parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + skip;
  }
  return parts.join('\n');
}
