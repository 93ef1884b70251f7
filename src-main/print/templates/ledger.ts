/**
 * Ledger pages (台账页, domain.md §6.6): landscape, title 「XX旗XX苏木(乡镇)XX嘎查(村) 公益类帮扶项目资产台账」,
 * header block, one table whose header row repeats on every page, rows grouped by 乡镇 (and 村)
 * with 小计 rows and a 总计 row, then the footer block. With `pagePerVillage` every village starts
 * a page with its own title (村级明细台账公示).
 */
import type { AssetClass } from '../../domain/asset-enums'
import { documentShell, footBlock, headBlock, money, qty, type PrintHeader } from '../blocks'
import { h, type SafeHtml } from '../html'
import { fillTitle, type LedgerColumn, type PrintLayout } from '../layouts'
import type { PageSetup } from '../page'
import type { Projected, Variant } from '../public-view'

export interface LedgerRowBase {
  townCode: string
  townName: string
  villageCode: string | null
  villageName: string | null
  [field: string]: unknown
}

export interface LedgerData {
  header: PrintHeader
  class: AssetClass
  /** Names of the chosen scope (for the title). */
  scope: { townName?: string | null; villageName?: string | null }
  groupBy: 'town' | 'village'
  pagePerVillage: boolean
  rows: LedgerRowBase[]
}

interface Group {
  key: string
  label: string
  rows: LedgerRowBase[]
}

function groupRows(rows: LedgerRowBase[], key: (r: LedgerRowBase) => string, label: (r: LedgerRowBase) => string): Group[] {
  const groups: Group[] = []
  let current: Group | undefined
  for (const row of rows) {
    const k = key(row)
    if (!current || current.key !== k) {
      current = { key: k, label: label(row), rows: [] }
      groups.push(current)
    }
    current.rows.push(row)
  }
  return groups
}

const villageLabel = (r: LedgerRowBase) => r.villageName ?? '乡镇（苏木）级'

export function ledgerTitle(layout: PrintLayout, data: Pick<LedgerData, 'header' | 'class' | 'scope'>) {
  return fillTitle(layout.ledgerTitle, {
    county: data.header.countyName,
    town: data.scope.townName ?? '',
    village: data.scope.villageName ?? '',
    class: data.class,
    assetLabel: data.header.assetLabel,
  })
}

export function renderLedger(layout: PrintLayout, variant: Variant, setup: PageSetup, data: Projected<LedgerData>): { html: string; title: string } {
  const columns = layout.ledgerColumns[data.class].filter((c) => !(variant === '公示版' && c.publicHidden))
  const unit = layout.ledgerMoneyUnit[data.class] ?? data.header.moneyUnit
  const totalWidth = columns.reduce((n, c) => n + c.width, 0)
  const firstSum = columns.findIndex((c) => c.sum)
  const labelSpan = firstSum > 0 ? firstSum : columns.length

  const cell = (c: LedgerColumn, row: LedgerRowBase, seq: number): SafeHtml => {
    const v = row[c.field]
    switch (c.format) {
      case 'seq':
        return h`<td class="c">${seq}</td>`
      case 'money':
        return h`<td class="num">${money(v as number | null, unit)}</td>`
      case 'qty':
        return h`<td class="num">${qty(v as number | null)}</td>`
      case 'int':
        return h`<td class="c">${v as number | null}</td>`
      case 'date':
        return h`<td class="c nw">${(v as string | null) ?? ''}</td>`
      case 'code':
        return h`<td class="nw">${(v as string | null) ?? ''}</td>`
      default:
        return h`<td>${(v as string | null) ?? ''}</td>`
    }
  }

  const rowHtml = (row: LedgerRowBase, seq: number) => h`<tr>${columns.map((c) => cell(c, row, seq))}</tr>`

  const sumRow = (cls: string, label: string, rows: LedgerRowBase[]) => {
    const tail = columns.slice(labelSpan).map((c) => {
      if (!c.sum) return h`<td></td>`
      const total = rows.reduce((n, r) => n + ((r[c.field] as number | null) ?? 0), 0)
      return h`<td class="num">${money(total, unit)}</td>`
    })
    return h`<tr class="${cls}"><td colspan="${labelSpan}">${label}（${rows.length}项）</td>${tail}</tr>`
  }

  const tableFor = (rows: LedgerRowBase[], groupBy: 'town' | 'village', withGrandTotal: boolean, totalLabel = '总计') => {
    let seq = 0
    const body: SafeHtml[] = []
    const towns = groupRows(rows, (r) => r.townCode, (r) => r.townName)
    for (const town of towns) {
      if (groupBy === 'village') {
        for (const village of groupRows(town.rows, (r) => r.villageCode ?? '', villageLabel)) {
          for (const row of village.rows) body.push(rowHtml(row, ++seq))
          body.push(sumRow('sub', `小计：${town.label}${village.label}`, village.rows))
        }
        if (towns.length > 1 || !withGrandTotal) body.push(sumRow('sub', `合计：${town.label}`, town.rows))
      } else {
        for (const row of town.rows) body.push(rowHtml(row, ++seq))
        if (towns.length > 1 || !withGrandTotal) body.push(sumRow('sub', `小计：${town.label}`, town.rows))
      }
    }
    if (withGrandTotal) body.push(sumRow('total', totalLabel, rows))
    if (!rows.length) body.push(h`<tr><td colspan="${columns.length}" class="c">（无记录）</td></tr>`)
    return h`<table class="grid ledger">
  <colgroup>${columns.map((c) => h`<col style="width:${((c.width / totalWidth) * 100).toFixed(3)}%">`)}</colgroup>
  <thead><tr>${columns.map((c) => h`<th>${c.label}${c.format === 'money' ? h`<br>（${unit}）` : ''}</th>`)}</tr></thead>
  <tbody>${body}</tbody>
</table>`
  }

  const mainTitle = ledgerTitle(layout, data)
  const variantMark = variant === '公示版' ? h`<div class="doc-subtitle">（公示版）</div>` : ''
  let body: SafeHtml[]
  if (data.pagePerVillage) {
    const villages = groupRows(data.rows, (r) => `${r.townCode}/${r.villageCode ?? ''}`, villageLabel)
    body = villages.map(
      (v) => h`<section class="page">
  <h1 class="doc-title">${ledgerTitle(layout, { ...data, scope: { townName: v.rows[0].townName, villageName: v.rows[0].villageName } })}</h1>
  ${variantMark}${headBlock(data.header, { unit })}${tableFor(v.rows, 'town', true, `合计：${v.label}`)}${footBlock(layout.footerRoles)}
</section>`,
    )
    if (!body.length) body = [h`<h1 class="doc-title">${mainTitle}</h1>${headBlock(data.header)}${tableFor([], 'village', true)}`]
  } else {
    body = [h`<h1 class="doc-title">${mainTitle}</h1>${variantMark}${headBlock(data.header, { unit })}${tableFor(data.rows, data.groupBy, true)}${footBlock(layout.footerRoles)}`]
  }
  // Dense, as a ledger for the file cabinet is: small padding, tight lines, columns sized to their
  // content (layouts.ts). Text wraps at CJK characters and, only when a word is longer than its
  // cell, inside it (codes, amounts): nothing is cut off and nothing spills into the next cell.
  const size = setup.paper === 'A3' ? 10 : 8
  const css = `table.ledger, table.ledger th { font-size: ${size}pt; line-height: 1.2; }
table.ledger th, table.ledger td { padding: 0.25mm 0.35mm; word-break: normal; overflow-wrap: anywhere; }
table.ledger td.num, table.ledger td.nw { white-space: normal; }
table.ledger th { line-height: 1.15; }
/* separated borders, each cell drawing its right and bottom edge (the header row and the first column
   also their top and left): the same grid as collapsed borders, with less work for 2,000 lines */
table.ledger { border-collapse: separate; border-spacing: 0; }
table.ledger th, table.ledger td { border-width: 0 0.6pt 0.6pt 0; }
table.ledger th { border-top-width: 0.6pt; }
table.ledger th:first-child, table.ledger td:first-child { border-left-width: 0.6pt; }`
  return { html: documentShell(mainTitle, setup, body, css), title: mainTitle }
}
