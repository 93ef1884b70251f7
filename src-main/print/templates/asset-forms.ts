/**
 * The forms of one asset: the registration card (§6.1), the 确权登记表 (§6.2) and the 资产移交书 with
 * its item list, document checklist and one copy per party (§6.3). Each asset starts a new page, so
 * a batch (every card of one 村) is one document, one print job.
 */
import type { AssetDetail, CustodyRecord } from '../../api/types/assets'
import { formatChineseDate } from '../../domain/dates'
import { documentShell, formRow, money, qty, signBoxes, type PrintHeader } from '../blocks'
import { h, lines, type SafeHtml } from '../html'
import { fillTitle, type PrintLayout } from '../layouts'
import { fenToChineseUpper } from '../money-words'
import type { PageSetup } from '../page'
import type { Projected, Sensitive, Variant } from '../public-view'

/** A photo for the card: an image attachment, embedded (the print window loads nothing from disk). */
export interface CardPhoto {
  fileName: string
  /** data:image/jpeg;base64,… or data:image/png;base64,… */
  dataUri: string
}

export type AssetPrintRecord = Omit<AssetDetail, 'custody' | 'attachments' | 'problems'> & {
  attachmentCount: number
  /** Up to two photos (category 照片 first). */
  photos: CardPhoto[]
  custody: (Omit<CustodyRecord, 'phone'> & { phone: Sensitive })[]
  /** Fund source names by code, for the source table. */
  fundSourceNames: Record<string, string>
  /** 12-digit code of the village (or town) the asset sits in. */
  regionCode: string
}

export interface AssetFormsData {
  header: PrintHeader
  assets: AssetPrintRecord[]
  /** 移交书: how many copies (the first N parties of the layout). */
  copies?: number
}

type A = Projected<AssetPrintRecord>

/** 乡镇 村 组 and the detailed location, without repeating names the location already spells out. */
function place(a: A) {
  const named = [a.townName, a.villageName, a.groupName].filter(Boolean).join('')
  if (!a.location) return named
  return a.villageName && a.location.includes(a.villageName) ? (a.location.includes(a.townName) ? a.location : a.townName + a.location) : `${named} ${a.location}`
}
const date = (d: string | null | undefined) => (d ? formatChineseDate(d) : '')
const ownerNames = (a: A) => a.owners.map((o) => o.owner.name).join('、')
const activeCustody = (a: A) => a.custody.find((c) => c.active) ?? null
const activeOperation = (a: A) => a.operations.find((o) => o.active) ?? null
const sourceName = (a: A, code: string) => a.fundSourceNames[code] ?? code
const fundSummary = (a: A) =>
  a.fundSources
    .map((f) => `${sourceName(a, f.sourceType)}${f.level ? `（${f.level}）` : ''}`)
    .filter((v, i, all) => all.indexOf(v) === i)
    .join('、')
/** Source names only, once each (for the narrow column of the 移交清单). */
const fundShort = (a: A) => [...new Set(a.fundSources.map((f) => sourceName(a, f.sourceType)))].join('、')
const upper = (fen: number) => h`<span class="upper">${fenToChineseUpper(fen)}</span>`

function fundTable(a: A) {
  const total = a.fundSources.reduce((n, f) => n + f.amountFen, 0)
  return h`<table class="grid">
  <colgroup><col style="width:6%"><col style="width:33%"><col style="width:8%"><col style="width:16%"><col style="width:29%"><col style="width:8%"></colgroup>
  <thead><tr><th>序号</th><th>资金来源</th><th>级次</th><th>金额（元）</th><th>资金文号</th><th>年度</th></tr></thead>
  <tbody>
  ${a.fundSources.map(
    (f, i) => h`<tr><td class="c">${i + 1}</td><td>${sourceName(a, f.sourceType)}${f.taskLine ? `（${f.taskLine}）` : ''}</td><td class="c">${f.level ?? ''}</td>
      <td class="num">${money(f.amountFen)}</td><td>${f.docNo}</td><td class="c">${f.fundYear ?? ''}</td></tr>`,
  )}
  <tr class="total"><td colspan="3">合计（其中财政资金 ${money(a.fiscalFen)} 元）</td><td class="num">${money(total)}</td><td colspan="2">大写：${upper(total)}</td></tr>
  </tbody>
</table>`
}

/** 六、资产照片: up to two photos in one row beside the label (small, so the card stays one page); one line when there is none. */
function photoBlock(a: A) {
  const photos = a.photos
  if (!photos.length) {
    return h`<table class="grid form photos">
    <colgroup><col style="width:16%"><col></colgroup>
    <tr><td class="label">六、资产照片</td><td>未上传照片（系统附件${a.attachmentCount}个）</td></tr>
  </table>`
  }
  return h`<table class="grid form photos">
    <colgroup><col style="width:16%"><col></colgroup>
    <tr><td class="label">六、资产照片<div class="note">（系统附件${a.attachmentCount}个）</div></td><td><div class="photo-row">${photos.map(
      (p) => h`<figure class="photo"><img src="${p.dataUri}" alt=""><figcaption>${p.fileName}</figcaption></figure>`,
    )}</div></td></tr>
  </table>`
}

function cardPage(layout: PrintLayout, header: PrintHeader, a: A, variantMark: SafeHtml | string) {
  const custody = activeCustody(a)
  const op = activeOperation(a)
  const title = fillTitle(layout.cardTitle, { assetLabel: header.assetLabel })
  return h`<section class="page">
  <h1 class="doc-title">${title}</h1>${variantMark}
  <div class="head-block"><div>填报单位（盖章）：${header.unitName}</div><div>登记日期：${date(header.date)}</div><div>资产编号：${a.code}</div></div>
  <div class="section-title">一、基本信息</div>
  <table class="grid form">
    <colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
    ${formRow([['资产名称', a.name]], [3])}
    ${formRow([['资产类别', `${a.class} / ${a.subtypeName}`], ['资产形态', a.form]])}
    ${formRow([['资产性质', a.propertyNature], ['系统资产编号', a.externalCode ?? '']])}
    ${formRow([['规格/规模', a.spec]], [3])}
    ${formRow([['计量单位/数量', `${qty(a.quantity)} ${a.unit}`], ['资产状态', a.status + (a.statusNote ? `（${a.statusNote}）` : '')]])}
    ${formRow([['资产原值（元）', money(a.originalValueFen)], ['资产净值（元）', money(a.netValueFen)]])}
    ${formRow([['原值（大写）', upper(a.originalValueFen)]], [3])}
    ${formRow([['坐落位置', place(a)], ['行政区划代码', a.regionCode]])}
  </table>
  <div class="section-title">二、资产来源</div>
  <table class="grid form">
    <colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
    ${formRow([['项目名称', a.projectName]], [3])}
    ${formRow([['项目编号', a.projectCode], ['资金年度', a.fundYear]])}
    ${formRow([['资金批复文号', a.fundDocNo], ['项目总投资（元）', money(a.totalInvestmentFen)]])}
    ${formRow([['实施单位', a.implUnit], ['行业主管部门', a.sectorDept]])}
    ${formRow([['开工/竣工日期', `${date(a.startDate)}　${date(a.completionDate)}`], ['验收/投用日期', `${date(a.acceptanceDate)}　${date(a.inUseDate)}`]])}
  </table>
  ${fundTable(a)}
  <div class="section-title">三、权属（确权）</div>
  <table class="grid form">
    <colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
    ${formRow([['确权层级', a.confirmLevel], ['所有权人', ownerNames(a)]])}
    ${formRow([['统一社会信用代码', a.owners.map((o) => o.owner.uscc ?? '').filter(Boolean).join('、')], ['确权日期', date(a.confirmDate)]])}
    ${formRow([['确权证书编号', a.certNo ?? ''], ['份额', a.owners.length > 1 ? a.owners.map((o) => `${o.owner.name} ${(o.shareBp / 100).toFixed(2)}%（${money(o.shareAmountFen)}元）`).join('；') : a.owners.length ? '100%' : '']])}
  </table>
  <div class="section-title">四、管护、运营与受益</div>
  <table class="grid form">
    <colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
    ${formRow([['管护主体', custody?.custodian.name ?? ''], ['管护方式', custody?.mode ?? '']])}
    ${formRow([['管护责任人', custody?.person ?? ''], ['联系电话', custody?.phone ?? '']])}
    ${formRow([['管护经费（元/年）', custody?.budgetPerYearFen != null ? `${money(custody.budgetPerYearFen)}${custody.budgetSource ? `（${custody.budgetSource}）` : ''}` : ''], ['是否公益岗位', custody ? (custody.isPublicPost ? '是' : '否') : '']])}
    ${formRow([['经营主体', op?.operator.name ?? ''], ['经营方式', op?.mode ?? '']])}
    ${formRow([['合同期限', op ? `${date(op.contractStart)}至${date(op.contractEnd)}` : ''], ['约定年收益（元）', op?.agreedIncomeFen != null ? money(op.agreedIncomeFen) : '']])}
    ${formRow([['受益户数/人数', `${a.beneficiaryHouseholds}户 / ${a.beneficiaryPersons}人（受益村${a.beneficiaryVillages ?? 0}个）`], ['其中脱贫/监测', `脱贫户${a.poorHouseholds}户${a.poorPersons}人；监测对象${a.monitorHouseholds}户${a.monitorPersons}人`]])}
  </table>
  <div class="section-title">五、变动记录</div>
  <table class="grid">
    <colgroup><col style="width:18%"><col style="width:22%"><col style="width:40%"><col style="width:20%"></colgroup>
    <thead><tr><th>日期</th><th>变动类型</th><th>变动内容</th><th>批准文号</th></tr></thead>
    <tbody>${a.statusHistory.length
      ? a.statusHistory.slice(0, 4).map((s) => h`<tr><td class="c">${s.changeDate}</td><td class="c">${s.fromStatus ? `${s.fromStatus}→${s.toStatus}` : s.toStatus}</td><td>${s.reason}</td><td>${s.docNo}</td></tr>`)
      : h`<tr><td class="c">　</td><td></td><td></td><td></td></tr>`}</tbody>
  </table>
  ${photoBlock(a)}
  ${signBoxes(layout.cardSigners.map((s) => ({ who: s.who, seal: s.seal })), 4)}
</section>`
}

function confirmPage(layout: PrintLayout, header: PrintHeader, a: A, variantMark: SafeHtml | string) {
  const custody = activeCustody(a)
  const op = activeOperation(a)
  const title = fillTitle(layout.confirmTitle, { assetLabel: header.assetLabel })
  return h`<section class="page">
  <h1 class="doc-title">${title}</h1>${variantMark}
  <div class="head-block"><div>填报单位（盖章）：${header.unitName}</div><div>登记编号：${a.certNo ?? '＿＿＿＿＿＿'}</div></div>
  <table class="grid form">
    <colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup>
    ${formRow([['资产名称', a.name]], [3])}
    ${formRow([['资产编号', a.code], ['资产类别', `${a.class} / ${a.subtypeName}`]])}
    ${formRow([['坐落位置', place(a)]], [3])}
    ${formRow([['数量/规模', `${qty(a.quantity)} ${a.unit}　${a.spec}`]], [3])}
    ${formRow([['资产原值（元）', money(a.originalValueFen)], ['大写', upper(a.originalValueFen)]])}
    ${formRow([['资金来源', fundSummary(a)]], [3])}
    ${formRow([['项目名称', a.projectName], ['项目年度', a.fundYear]])}
    ${formRow([['确权对象（所有权人）', ownerNames(a)], ['确权层级', a.confirmLevel]])}
    ${formRow([['权属份额', a.owners.map((o) => `${o.owner.name} ${(o.shareBp / 100).toFixed(2)}%`).join('；')]], [3])}
    ${formRow([['经营权人', op?.operator.name ?? ''], ['管护责任人', custody ? `${custody.custodian.name} ${custody.person} ${custody.phone}` : '']])}
    ${formRow([['受益对象', `受益${a.beneficiaryHouseholds}户${a.beneficiaryPersons}人，其中脱贫户${a.poorHouseholds}户${a.poorPersons}人、监测对象${a.monitorHouseholds}户${a.monitorPersons}人`]], [3])}
    ${formRow([['确权日期', date(a.confirmDate)], ['备注', a.remarks]])}
  </table>
  ${signBoxes(layout.confirmOpinions.map((who) => ({ who: `${who}（盖章）`, seal: true, note: '意见：' })), 2)}
</section>`
}

/** The 移交书 carries no ID, phone or account numbers: one version, no 公示版 mark. */
function handoverPages(layout: PrintLayout, header: PrintHeader, a: A, copies: number) {
  const record = a.handovers.at(-1) ?? null
  const items = record?.items.length
    ? record.items.map((i) => ({ ...i, place: place(a), source: fundShort(a) }))
    : [{ name: a.name, spec: a.spec, unit: a.unit, quantity: a.quantity, amountFen: a.originalValueFen, note: a.remarks, place: place(a), source: fundShort(a) }]
  const total = items.reduce((n, i) => n + i.amountFen, 0)
  const delivered = new Set(record?.documents ?? [])
  const documents = [...layout.handoverDocuments, ...[...delivered].filter((d) => !layout.handoverDocuments.includes(d))]
  const title = fillTitle(layout.handoverTitle, { assetLabel: header.assetLabel })
  const parties = layout.handoverParties.slice(0, Math.max(1, Math.min(copies, layout.handoverParties.length)))
  const ordinal = ['一', '二', '三', '四', '五', '六']
  return parties.map(
    (party, n) => h`<section class="page">
  <div class="copy-label">第${ordinal[n] ?? n + 1}联　${party}留存</div>
  <h1 class="doc-title">${title}</h1>
  <div class="head-block"><div>移交书编号：${record?.docNo || a.handoverDocNo || '＿＿＿＿＿＿'}</div><div>资产编号：${a.code}</div><div>单位：元</div></div>
  <table class="grid form">
    <colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
    ${formRow([['移交单位', record?.fromUnit ?? a.implUnit], ['接收单位', record?.toOrg.name ?? ownerNames(a)]])}
    ${formRow([['监交单位', record?.supervisorUnit ?? ''], ['移交日期', date(record?.handoverDate ?? a.handoverDate)]])}
    ${formRow([['项目名称', a.projectName]], [3])}
  </table>
  <div class="section-title">一、移交资产清单</div>
  <table class="grid items">
    <colgroup><col style="width:6%"><col style="width:18%"><col style="width:16%"><col style="width:6%"><col style="width:7%"><col style="width:13%"><col style="width:13%"><col style="width:15%"><col style="width:6%"></colgroup>
    <thead><tr><th>序号</th><th>资产名称</th><th>规格/规模</th><th>单位</th><th>数量</th><th>金额（原值）</th><th>坐落</th><th>资金来源</th><th>备注</th></tr></thead>
    <tbody>
    ${items.map(
      (i, k) => h`<tr><td class="c">${k + 1}</td><td>${i.name}</td><td>${i.spec}</td><td class="c">${i.unit}</td><td class="num">${qty(i.quantity)}</td>
        <td class="num">${money(i.amountFen)}</td><td>${i.place}</td><td>${i.source}</td><td>${i.note}</td></tr>`,
    )}
    <tr class="total"><td colspan="5">合计（大写：${upper(total)}）</td><td class="num">${money(total)}</td><td colspan="3"></td></tr>
    </tbody>
  </table>
  <div class="section-title">二、移交资料清单</div>
  <div class="checklist">${documents.map((d) => h`<span class="doc"><span class="checkbox">${delivered.has(d) ? '☑' : '☐'}</span> ${d}</span>`)}</div>
  <div class="section-title">三、移交约定</div>
  ${layout.handoverClauses.map((c, k) => h`<p class="clause">${k + 1}. ${c}</p>`)}
  ${record?.note ? h`<p class="clause">${lines(record.note)}</p>` : ''}
  <p class="clause">本移交书一式${parties.length}份，${parties.join('、')}各执一份。</p>
  ${signBoxes(
    [
      { who: '移交单位（盖章）\n经办人：　　　　负责人：', seal: true },
      { who: '接收单位（盖章）\n经办人：　　　　负责人：', seal: true },
      { who: '监交单位（盖章）\n经办人：', seal: true },
    ],
    3,
  )}
</section>`,
  )
}

const mark = (variant: Variant) => (variant === '公示版' ? h`<div class="doc-subtitle">（公示版）</div>` : '')

export function renderAssetCards(layout: PrintLayout, variant: Variant, setup: PageSetup, data: Projected<AssetFormsData>) {
  const title = data.assets.length === 1 ? `${data.assets[0].name} 资产卡片` : fillTitle(layout.cardTitle, { assetLabel: data.header.assetLabel })
  const css = `body { font-size: 9pt; line-height: 1.25; } .doc-title { font-size: 16pt; margin-bottom: 2mm; } .section-title { margin: 1.6mm 0 0.8mm; font-size: 10pt; }
    table.grid th, table.grid td { padding: 0.55mm 1mm; } table.grid th { font-size: 9pt; }
    .signs { margin-top: 2.5mm; } .sign-box { min-height: 23mm; padding: 1.5mm 2mm; font-size: 9pt; } .sign-box .seal { width: 17mm; height: 17mm; right: 3mm; bottom: 5mm; font-size: 7pt; }
    .small { font-size: 8pt; margin-top: 1mm; }`
  return { title, html: documentShell(title, setup, data.assets.map((a) => cardPage(layout, data.header, a, mark(variant))), css) }
}

export function renderConfirmForms(layout: PrintLayout, variant: Variant, setup: PageSetup, data: Projected<AssetFormsData>) {
  const title = data.assets.length === 1 ? `${data.assets[0].name} 确权登记表` : fillTitle(layout.confirmTitle, { assetLabel: data.header.assetLabel })
  return { title, html: documentShell(title, setup, data.assets.map((a) => confirmPage(layout, data.header, a, mark(variant))), 'table.form td { height: 9mm; } .sign-box { min-height: 40mm; }') }
}

export function renderHandovers(layout: PrintLayout, _variant: Variant, setup: PageSetup, data: Projected<AssetFormsData>) {
  const title = data.assets.length === 1 ? `${data.assets[0].name} 移交书` : fillTitle(layout.handoverTitle, { assetLabel: data.header.assetLabel })
  const copies = data.copies ?? layout.handoverParties.length
  return { title, html: documentShell(title, setup, data.assets.flatMap((a) => handoverPages(layout, data.header, a, copies)), '.checklist { line-height: 1.9; } .checklist .doc { display: inline-block; white-space: nowrap; margin-right: 5mm; } .items td { font-size: 9pt; } .sign-box { min-height: 40mm; } .sign-box .seal { width: 21mm; height: 21mm; }') }
}
