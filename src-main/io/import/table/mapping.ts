import { createHash } from 'node:crypto'
import { foldKey } from '../normalise/text'
import type { ColumnMapping, FieldSpec, LocatedTable } from '../types'
import { headerKey } from './header-text'
import { fieldKeys, fieldsOfPath } from './locate'

/**
 * Suggests which column holds each field: first exact matches of the header (after folding, units
 * and markers removed) against the field's label and synonyms — for fields with `parents`, the top
 * header text must be one of them (资金来源 → 中央); then, for fields still unplaced, a header that
 * contains a spelling or is contained in one (「资产名称及规模」 → 资产名称), longest spelling first.
 * Each column serves one field. Every field key is present; null = no column found.
 */
export function suggestMapping(table: LocatedTable, fields: readonly FieldSpec[]): ColumnMapping {
  const keys = fieldKeys(fields)
  const mapping: ColumnMapping = {}
  // Own properties even for a key like __proto__ (never the prototype).
  for (const f of fields) Object.defineProperty(mapping, f.key, { value: null, writable: true, enumerable: true, configurable: true })
  const used = new Set<number>()

  // Pass 1: exact spellings, in column order; a field takes its first matching column.
  for (const col of table.columns) {
    for (const i of fieldsOfPath(col.headerPath, keys)) {
      const key = fields[i].key
      if (mapping[key] === null && !used.has(col.index)) {
        mapping[key] = col.index
        used.add(col.index)
        break
      }
    }
  }

  // Pass 1b: a field with parents whose column has no group header above it (one-level file).
  for (const [i, f] of fields.entries()) {
    if (mapping[f.key] !== null || !keys.parents[i]) continue
    const spellings = new Set([f.label, ...f.synonyms].map(headerKey))
    const hits = table.columns.filter((c) => !used.has(c.index) && c.headerPath.length === 1 && spellings.has(headerKey(c.headerPath[0])))
    if (hits.length === 1) {
      mapping[f.key] = hits[0].index
      used.add(hits[0].index)
    }
  }

  // Pass 2: containment, longest spelling first, for fields still unplaced.
  const pending: { field: number; spelling: string }[] = []
  for (const [i, f] of fields.entries()) {
    if (mapping[f.key] !== null) continue
    for (const s of new Set([f.label, ...f.synonyms].map(headerKey))) if (s.length >= 2) pending.push({ field: i, spelling: s })
  }
  pending.sort((a, b) => b.spelling.length - a.spelling.length)
  for (const { field, spelling } of pending) {
    const f = fields[field]
    if (mapping[f.key] !== null) continue
    const parents = keys.parents[field]
    const col = table.columns.find((c) => {
      if (used.has(c.index) || c.headerPath.length === 0) return false
      const leaf = headerKey(c.headerPath[c.headerPath.length - 1])
      if (leaf.length < 2) return false
      if (parents && !(c.headerPath.length > 1 && parents.has(headerKey(c.headerPath[0])))) return false
      return leaf.includes(spelling) || (spelling.includes(leaf) && leaf.length >= 3)
    })
    if (col) {
      mapping[f.key] = col.index
      used.add(col.index)
    }
  }
  return mapping
}

/**
 * A stable fingerprint of a table's header layout (column positions and header paths, folded), so
 * a mapping the user adjusted can be remembered for the next file with the same layout.
 */
export function layoutSignature(table: Pick<LocatedTable, 'columns'>): string {
  const text = table.columns.map((c) => `${c.index}:${c.headerPath.map((p) => foldKey(p)).join('/')}`).join('|')
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}
