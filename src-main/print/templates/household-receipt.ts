/**
 * 到户资产发放确认单 (domain.md §6.9): one per household — household, items, quantity, amount, date,
 * 农户签字（手印）, 村干部签字, 乡镇经办人. The 公示版 carries masked ID, phone and account numbers.
 */
import { documentShell, formRow, money, qty, signBoxes, type PrintHeader } from '../blocks'
import { h } from '../html'
import { fillTitle, type PrintLayout } from '../layouts'
import { fenToChineseUpper } from '../money-words'
import type { PageSetup } from '../page'
import type { Projected, Sensitive, Variant } from '../public-view'

export interface ReceiptHousehold {
  headName: string
  idNo: Sensitive
  phone: Sensitive
  bankAccount: Sensitive
  attribute: string
  size: number
  townName: string
  villageName: string
  groupName: string
  lines: {
    projectName: string
    projectYear: number
    item: string
    spec: string
    unit: string
    quantity: number
    standardFen: number
    amountFen: number
    selfRaisedFen: number
    issueMethod: string
    issueDate: string
    tagNo: string
  }[]
}

export interface ReceiptData {
  header: PrintHeader
  households: ReceiptHousehold[]
}

export function renderReceipts(layout: PrintLayout, variant: Variant, setup: PageSetup, data: Projected<ReceiptData>) {
  const title = fillTitle(layout.receiptTitle, { assetLabel: data.header.assetLabel })
  const pages = data.households.map((hh) => {
    const total = hh.lines.reduce((n, l) => n + l.amountFen, 0)
    return h`<section class="page">
  <h1 class="doc-title">${title}</h1>${variant === '公示版' ? h`<div class="doc-subtitle">（公示版）</div>` : ''}
  <div class="head-block"><div>${hh.townName}${hh.villageName}${hh.groupName ? ` ${hh.groupName}` : ''}</div><div>单位：元</div></div>
  <table class="grid form">
    <colgroup><col style="width:15%"><col style="width:35%"><col style="width:15%"><col style="width:35%"></colgroup>
    ${formRow([['户主姓名', hh.headName], ['身份证号', hh.idNo]])}
    ${formRow([['农户属性', hh.attribute], ['家庭人口', `${hh.size}人`]])}
    ${formRow([['联系电话', hh.phone], ['补助发放账号', hh.bankAccount]])}
  </table>
  <div class="section-title">发放明细</div>
  <table class="grid">
    <colgroup><col style="width:6%"><col style="width:22%"><col style="width:21%"><col style="width:6%"><col style="width:6%"><col style="width:11%"><col style="width:12%"><col style="width:16%"></colgroup>
    <thead><tr><th>序号</th><th>项目名称（年度）</th><th>扶持内容</th><th>单位</th><th>数量</th><th>补助标准</th><th>补助金额</th><th>发放方式/日期</th></tr></thead>
    <tbody>
    ${hh.lines.map(
      (l, i) => h`<tr><td class="c">${i + 1}</td><td>${l.projectName}（${l.projectYear}）</td><td>${l.item}${l.spec ? `（${l.spec}）` : ''}${l.tagNo ? h`<div class="tag">耳标/编号：${l.tagNo}</div>` : ''}</td>
        <td class="c">${l.unit}</td><td class="num">${qty(l.quantity)}</td><td class="num">${money(l.standardFen)}</td><td class="num">${money(l.amountFen)}</td><td class="c">${l.issueMethod}<br><span class="nw">${l.issueDate}</span></td></tr>`,
    )}
    <tr class="total"><td colspan="6">合计（大写：<span class="upper">${fenToChineseUpper(total)}</span>）</td><td class="num">${money(total)}</td><td></td></tr>
    </tbody>
  </table>
  <p class="clause">本户已如数收到上述扶持资产（资金），经核对无误。扶持资产由本户负责管护使用，不得擅自变卖、转让。</p>
  ${signBoxes(layout.receiptSigners.map((who) => ({ who, seal: false })), 3)}
</section>`
  })
  return { title, html: documentShell(title, setup, pages.length ? pages : [h`<p>（无发放记录）</p>`], '.sign-box { min-height: 28mm; } .nw { white-space: nowrap; } .tag { font-size: 7.5pt; color: #333; word-break: break-all; }') }
}
