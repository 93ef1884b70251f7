import type { CellValue } from '../types'

/** Decodes CSV bytes: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8, else GB18030 (what WPS/Excel write on Chinese Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}

/** The delimiter used most, outside quotes, in the first lines: comma, tab, semicolon or 、/｜ never. */
function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024)
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0], ['|', 0]])
  let quoted = false
  let lines = 0
  for (let i = 0; i < sample.length && lines < 50; i++) {
    const c = sample[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && c === '\n') lines++
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

/**
 * Parses CSV text (RFC 4180: quoted fields with "" escapes and line breaks; CRLF, LF or CR lines).
 * Every value stays text (an ID number or 「00123」 keeps all its digits); empty fields are null.
 * Excel's 「="0123"」 text marker is unwrapped. Stops after `maxRows` rows.
 */
export function parseCsv(text: string, maxRows = Infinity): CellValue[][] {
  // Excel's 「sep=;」 first line names the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep) text = text.slice(sep[0].length)
  const delimiter = sep ? sep[1] : detectDelimiter(text)
  const rows: CellValue[][] = []
  let row: CellValue[] = []
  let field = ''
  let quoted = false
  let wasQuoted = false
  const n = text.length
  const endField = () => {
    let value: string = field
    if (!wasQuoted) {
      const m = /^="(.*)"$/s.exec(value)
      if (m) value = m[1].replace(/""/g, '"')
    }
    row.push(value === '' ? null : value)
    field = ''
    wasQuoted = false
  }
  const endRow = () => {
    endField()
    rows.push(row.length === 1 && row[0] === null ? [] : row)
    row = []
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"'
          i++
        } else quoted = false
      } else {
        // Copy a run of plain characters at once.
        let j = i + 1
        while (j < n && text.charCodeAt(j) !== 34) j++
        field += text.slice(i, j)
        i = j - 1
      }
      continue
    }
    if (c === 34 && field === '') {
      quoted = true
      wasQuoted = true
    } else if (text[i] === delimiter) endField()
    else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++
      endRow()
      if (rows.length >= maxRows) return rows
    } else {
      let j = i + 1
      while (j < n) {
        const d = text.charCodeAt(j)
        if (d === 10 || d === 13 || text[j] === delimiter) break
        j++
      }
      field += text.slice(i, j)
      i = j - 1
    }
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow()
  return rows
}
