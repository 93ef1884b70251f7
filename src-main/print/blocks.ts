/** Pieces every form shares: the document shell, header block, footer block, signature and seal boxes. */
import { formatChineseDate } from '../domain/dates'
import { formatFen, type MoneyUnit } from '../domain/money'
import { h, raw, type SafeHtml } from './html'
import { baseCss, type PageSetup } from './page'

/** What every template gets from the settings. */
export interface PrintHeader {
  countyName: string
  /** 填报单位 (setting org.unitName). */
  unitName: string
  /** 帮扶项目资产 / 扶贫项目资产 (setting display.assetLabel). */
  assetLabel: string
  moneyUnit: MoneyUnit
  /** The date printed on the form (ISO). */
  date: string
  /** 本地监督举报电话 (setting org.supervisionPhone). */
  supervisionPhone: string
}

export function documentShell(title: string, setup: PageSetup, body: SafeHtml | SafeHtml[], extraCss = ''): string {
  return h`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>${baseCss(setup)}${raw(extraCss)}</style></head>
<body>${body}</body></html>`.value
}

/** 填报单位（盖章）left, 单位 right, 日期. */
export function headBlock(header: PrintHeader, opts: { unit?: MoneyUnit | null; dateLabel?: string } = {}) {
  return h`<div class="head-block">
  <div>填报单位（盖章）：${header.unitName || '＿＿＿＿＿＿＿＿'}</div>
  <div>${opts.dateLabel ?? '填报日期'}：${formatChineseDate(header.date)}</div>
  ${opts.unit === null ? '' : h`<div>单位：${opts.unit ?? header.moneyUnit}</div>`}
</div>`
}

/** 单位负责人：____ 审核人：____ 填报人：____ 联系电话：____ 日期：____年__月__日 */
export function footBlock(roles: string[]) {
  return h`<div class="foot-block">
  ${roles.map((r) => h`<span class="role">${r}：<span class="blank"></span></span>`)}
  <span class="role">日期：<span class="blank" style="min-width:12mm"></span>年<span class="blank" style="min-width:8mm"></span>月<span class="blank" style="min-width:8mm"></span>日</span>
</div>`
}

/** Boxes to sign (and seal) in, `columns` per row. */
export function signBoxes(boxes: { who: string; seal: boolean; note?: string }[], columns = 2) {
  return h`<div class="signs" style="grid-template-columns: repeat(${columns}, 1fr)">
  ${boxes.map(
    (b) => h`<div class="sign-box">
    <div class="who">${b.who.split('\n').map((part, i) => (i ? h`<br>${part}` : h`${part}`))}</div>
    ${b.note ? h`<div class="muted">${b.note}</div>` : ''}
    ${b.seal ? h`<div class="seal">（盖章）</div>` : ''}
    <div class="date">年　　月　　日</div>
  </div>`,
  )}
</div>`
}

/** A money cell's text in the given unit. */
export const money = (fen: number | null | undefined, unit: MoneyUnit = '元') => (fen === null || fen === undefined ? '' : formatFen(fen, unit))

/** A quantity without trailing zeros (4 decimals at most). */
export const qty = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(Number(n.toFixed(4))))

/** A row of label/value cells for form tables: [label, value, label, value, …]. */
export function formRow(cells: [string, unknown][], spans: number[] = []) {
  return h`<tr>${cells.map(
    ([label, value], i) => h`<td class="label">${label}</td><td${spans[i] ? raw(` colspan="${spans[i]}"`) : ''}>${value as string}</td>`,
  )}</tr>`
}
