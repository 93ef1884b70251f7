import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { createInflateRaw, inflateRawSync } from 'node:zlib'

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
  encrypted: boolean
}

/** Why a zip could not be listed: no end record (truncated/not a zip) or a damaged directory. */
export class ZipError extends Error {}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done)
    if (n === 0) break
    done += n
  }
  return done === length ? buf : buf.subarray(0, done)
}

/**
 * Lists a zip's entries from its central directory (at the end of the file). A truncated file has no
 * end-of-central-directory record, or a directory that points past the end: both throw ZipError.
 */
export function listZip(path: string): ZipEntry[] {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const tailLength = Math.min(size, 65_557)
    const tail = readAt(fd, size - tailLength, tailLength)
    let eocd = -1
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new ZipError('no end of central directory')
    const count = tail.readUInt16LE(eocd + 10)
    const cdSize = tail.readUInt32LE(eocd + 12)
    const cdOffset = tail.readUInt32LE(eocd + 16)
    if (cdOffset + cdSize > size) throw new ZipError('central directory beyond end of file')
    const cd = readAt(fd, cdOffset, cdSize)
    const entries: ZipEntry[] = []
    let p = 0
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('damaged central directory')
      const flags = cd.readUInt16LE(p + 8)
      const nameLength = cd.readUInt16LE(p + 28)
      const extraLength = cd.readUInt16LE(p + 30)
      const commentLength = cd.readUInt16LE(p + 32)
      const entry: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        encrypted: (flags & 1) === 1,
      }
      if (entry.localOffset + entry.compressedSize > size) throw new ZipError('entry beyond end of file')
      entries.push(entry)
      p += 46 + nameLength + extraLength + commentLength
    }
    return entries
  } finally {
    closeSync(fd)
  }
}

function dataOffset(fd: number, entry: ZipEntry): number {
  const header = readAt(fd, entry.localOffset, 30)
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new ZipError('damaged local header')
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
}

/** The whole content of a (small) entry. */
export function readZipEntry(path: string, entry: ZipEntry): Buffer {
  const fd = openSync(path, 'r')
  try {
    const raw = readAt(fd, dataOffset(fd, entry), entry.compressedSize)
    if (entry.method === 0) return raw
    if (entry.method === 8) return inflateRawSync(raw)
    throw new ZipError(`unsupported compression ${entry.method}`)
  } finally {
    closeSync(fd)
  }
}

/** Streams an entry's text through `onText` chunk by chunk (memory stays flat for a large sheet). */
export async function streamZipEntryText(path: string, entry: ZipEntry, onText: (chunk: string) => void): Promise<void> {
  const stream = entryStream(path, entry)
  if (!stream) return
  stream.setEncoding('utf8')
  for await (const chunk of stream) onText(chunk as string)
}

/** Streams an entry's bytes through `onBytes` chunk by chunk. */
export async function streamZipEntryBytes(path: string, entry: ZipEntry, onBytes: (chunk: Buffer) => void): Promise<void> {
  const stream = entryStream(path, entry)
  if (!stream) return
  for await (const chunk of stream) onBytes(chunk as Buffer)
}

function entryStream(path: string, entry: ZipEntry) {
  const fd = openSync(path, 'r')
  let start: number
  try {
    start = dataOffset(fd, entry)
  } finally {
    closeSync(fd)
  }
  if (entry.compressedSize === 0) return null
  // Big chunks: a 61 MB sheet in some 250 pieces rather than 4,000 (each piece is a trip through the thread pool and the event loop).
  const source = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1024 * 1024 })
  const stream = entry.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : source
  source.on('error', (e) => stream.destroy(e))
  return stream
}
