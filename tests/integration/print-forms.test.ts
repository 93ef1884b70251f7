/**
 * Every asset and household template rendered to PDF in Chromium (page.pdf, as the bridge and
 * Electron's printToPDF do) on a small hand-made 巴林左旗 data set, read back with pdftotext:
 * titles, hand-computed totals, 金额大写, 第X页 共Y页 on each page, 公示版 masking, HTML escaping.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServiceHost } from '../../src-main/core/service-host'
import { idCardCheckChar } from '../../src-main/domain/id-card'
import { updateSettings } from '../../src-main/services/settings'
import { completeSetup } from '../../src-main/services/setup'
import { closePrintBrowser } from '../../src-main/web/bridge-print'
import { api, pageNumbersOk, renderJob, squash, toPng } from '../support/print'
import { defaultSetup, LINDONG, LONGCHANG, resourcesDir } from '../support/temp'

/** A real PNG of one colour (zlib-compressed scanlines, CRCs), for photo attachments. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

// One data set for the whole file (built in beforeAll), so no per-test cleanup here.
const dir = mkdtempSync(join(tmpdir(), 'ledger-print-forms-'))
let opened: ServiceHost | undefined
afterAll(async () => {
  opened?.close()
  rmSync(dir, { recursive: true, force: true })
  await closePrintBrowser()
})

const FUSHANDI = '150422100201' // 福山地村, 林东镇
const ID = (first17: string) => first17 + idCardCheckChar(first17)
const HEAD_ID = ID('15042219800101123')
const HEAD_PHONE = '13812345678'
const HEAD_BANK = '6222020200112233445'
const CUSTODIAN_PHONE = '13904761234'
const EVIL = '福山地村<b>加粗</b>&<script>alert(1)</script>路灯'

interface Fixture {
  host: ServiceHost
  a1: number
  a2: number
  household: number
  otherVillage: string
}

async function build(): Promise<Fixture> {
  const host = await ServiceHost.open({ dataDir: dir, resourcesDir, appVersion: '0.0.0-test' })
  opened = host
  completeSetup(host.ctx, defaultSetup())
  const otherVillage = (host.db.prepare('SELECT code FROM region WHERE parent_code = ? AND code <> ? ORDER BY sort LIMIT 1').get(LINDONG, FUSHANDI) as { code: string }).code
  const asset = (over: Record<string, unknown>) =>
    api<{ id: number }>(host, 'assets.create', {
      name: '福山地村2021年通村水泥路',
      class: '公益类',
      subtypeCode: 'G01',
      form: '固定资产',
      propertyNature: '集体资产',
      spec: '长2.5公里、宽4.5米',
      unit: '公里',
      quantity: 2.5,
      fundYear: 2021,
      townCode: LINDONG,
      villageCode: FUSHANDI,
      sectorDept: '巴林左旗交通运输局',
      implUnit: '林东镇人民政府',
      startDate: '2021-05-01',
      completionDate: '2021-09-30',
      acceptanceDate: '2021-10-20',
      inUseDate: '2021-10-20',
      confirmLevel: '村（嘎查）级',
      beneficiaryHouseholds: 120,
      beneficiaryPersons: 350,
      historic: true,
      acceptWarnings: true,
      ...over,
    })
  // 林东镇: 1,500,000.00 + 123,456.78 (福山地村) + 1,000,000.10 (another village) = 2,623,456.88 元
  const a1 = (
    await asset({
      originalValueFen: 150_000_000,
      totalInvestmentFen: 150_000_000,
      projectName: '2021年福山地村通村路项目',
      fundSources: [
        { sourceType: 'XJ', level: '中央', amountFen: 100_000_000 },
        { sourceType: 'DX', amountFen: 50_000_000 },
      ],
    })
  ).id
  const a2 = (
    await asset({
      name: EVIL,
      subtypeCode: 'G08',
      unit: '盏',
      quantity: 40,
      originalValueFen: 12_345_678,
      totalInvestmentFen: 12_345_678,
      fundSources: [{ sourceType: 'XJ', level: '旗县', amountFen: 12_345_678 }],
    })
  ).id
  await asset({
    name: '林东镇某村2022年文化广场',
    villageCode: otherVillage,
    originalValueFen: 100_000_010,
    totalInvestmentFen: 100_000_010,
    fundYear: 2022,
    fundSources: [{ sourceType: 'CJ', amountFen: 100_000_010 }],
  })
  await asset({ name: '隆昌镇2020年村内道路', townCode: LONGCHANG, villageCode: null, confirmLevel: '乡（苏木）镇级', originalValueFen: 99_999_900, totalInvestmentFen: 99_999_900, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 99_999_900 }] })
  await api(host, 'assets.confirm', {
    id: a1,
    confirmLevel: '村（嘎查）级',
    confirmDate: '2021-11-01',
    certNo: 'BZ-2021-001',
    owners: [{ owner: { name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织' }, shareBp: 10000, shareAmountFen: 150_000_000 }],
    acceptWarnings: true,
  })
  await api(host, 'assets.handover', {
    id: a1,
    handoverDate: '2021-11-05',
    fromUnit: '林东镇人民政府',
    toOrg: { name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织' },
    supervisorUnit: '巴林左旗交通运输局',
    docNo: 'YJ-2021-007',
    documents: ['竣工验收报告', '钥匙'],
    acceptWarnings: true,
  })
  await api(host, 'assets.setCustodian', {
    id: a1,
    custodian: { name: '福山地村村民委员会', orgType: '村（嘎查）民委员会' },
    person: '王建国',
    phone: CUSTODIAN_PHONE,
    isPublicPost: true,
    mode: '设置公益性岗位管护',
    budgetPerYearFen: 300_000,
    budgetSource: '旗级财政预算',
    fromDate: '2021-11-06',
    acceptWarnings: true,
  })
  const household = (
    await api<{ id: number }>(host, 'households.create', {
      headName: '张福贵',
      idNo: HEAD_ID,
      size: 4,
      attribute: '脱贫户',
      villageCode: FUSHANDI,
      groupName: '三组',
      phone: HEAD_PHONE,
      bankAccount: HEAD_BANK,
      acceptWarnings: true,
    })
  ).id
  const line = (over: Record<string, unknown>) =>
    api(host, 'householdLines.create', {
      householdId: household,
      projectName: '2021年基础母牛到户项目',
      projectYear: 2021,
      item: '基础母牛',
      subtypeCode: 'H01',
      unit: '头',
      fundSource: 'XJ',
      issueMethod: '实物发放',
      issueDate: '2021-06-01',
      acceptWarnings: true,
      ...over,
    })
  // 6,000.00 + 0.05 = 6,000.05 元 → 陆仟元零伍分
  await line({ quantity: 2, standardFen: 300_000, amountFen: 600_000, tagNo: '150422000123' })
  await line({ item: '饲草补助', unit: '份', quantity: 1, standardFen: 5, amountFen: 5, issueMethod: '现金补助（打卡）', issueDate: '2021-07-01' })
  return { host, a1, a2, household, otherVillage }
}

describe('print templates on a small hand-made county', { timeout: 120_000 }, () => {
  let f: Fixture
  beforeAll(async () => {
    f = await build()
  }, 60_000)

  it('lists the templates; project forms are unavailable until the project library exists', async () => {
    const list = await api<{ key: string; available: boolean }[]>(f.host, 'print.templates', {})
    expect(list.filter((t) => t.available).map((t) => t.key)).toEqual(expect.arrayContaining(['ledger', 'assetCard', 'confirmForm', 'handover', 'householdReceipt']))
  })

  it('prints the 公益类 ledger of one 乡镇 with village subtotals and the hand-computed total, escaped names', async () => {
    const pdf = await renderJob(f.host, { template: 'ledger', class: '公益类', townCode: LINDONG, variant: '公示版' }, 'forms-ledger-lindong')
    const text = squash(pdf.text)
    expect(text).toContain('巴林左旗林东镇公益类帮扶项目资产台账')
    expect(text).toContain('（公示版）')
    expect(text).toContain('填报单位（盖章）：巴林左旗农牧局')
    // 万元 (the setup's unit): 150.0000 + 12.3457 = 162.3457 (福山地村), 100.0000 (the other), total 262.3457
    expect(text).toContain('小计：林东镇福山地村（2项）162.3457')
    expect(text).toContain('总计（3项）262.3457')
    expect(text).not.toContain('隆昌镇')
    // the asset name prints as text, the markup never runs or vanishes
    expect(pdf.text).toContain('<b>') // printed as text (the narrow cell wraps the rest; the card shows it whole)
    expect(pdf.made.html).not.toContain('<script>alert')
    expect(pdf.made.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // the custodian's phone is masked on the public sheet
    expect(text).toContain('139****1234')
    expect(text).not.toContain(CUSTODIAN_PHONE)
    expect(text).toContain('单位负责人：')
    expect(pageNumbersOk(pdf)).toBe(true)
    toPng(pdf.file, 'forms-ledger-lindong', 1)
  })

  it('prints the whole county in 元 with town totals, and the internal version shows the phone', async () => {
    updateSettings(f.host.ctx, { 'display.moneyUnit': '元' })
    try {
      const pdf = await renderJob(f.host, { template: 'ledger', class: '公益类', variant: '内部版', groupBy: 'town', paper: 'A3' })
      const text = squash(pdf.text)
      expect(text).toContain('巴林左旗公益类帮扶项目资产台账')
      expect(text).toContain('单位：元')
      expect(text).toContain('小计：林东镇（3项）2,623,456.88')
      expect(text).toContain('小计：隆昌镇（1项）999,999.00')
      expect(text).toContain('总计（4项）3,623,455.88')
      expect(text).toContain(CUSTODIAN_PHONE)
      expect(pdf.made.fileName).toBe('巴林左旗 公益类帮扶项目资产台账（内部版）.pdf')
      expect(pdf.made.page).toMatchObject({ paper: 'A3', orientation: 'landscape', widthMm: 420, heightMm: 297 })
    } finally {
      updateSettings(f.host.ctx, { 'display.moneyUnit': '万元' })
    }
  })

  it('masks ID, phone and bank numbers in the 公示版 household roster and shows them in the 内部版', async () => {
    const pub = await renderJob(f.host, { template: 'ledger', class: '到户类', villageCode: FUSHANDI, variant: '公示版' }, 'forms-roster-public')
    const internal = await renderJob(f.host, { template: 'ledger', class: '到户类', villageCode: FUSHANDI, variant: '内部版' }, 'forms-roster-internal')
    const p = squash(pub.text)
    const i = squash(internal.text)
    expect(p).toContain('巴林左旗林东镇福山地村到户类帮扶项目资产台账')
    for (const secret of [HEAD_ID, HEAD_PHONE, HEAD_BANK]) {
      expect(p).not.toContain(secret)
      expect(pub.made.html).not.toContain(secret)
      expect(i).toContain(secret)
    }
    expect(p).toContain(`1504**********${HEAD_ID.slice(-4)}`)
    expect(p).toContain('138****5678')
    expect(p).not.toContain('补助发放账号') // the account column is left out of the public sheet
    expect(i).toContain('补助发放账号')
    // the roster is in 元 whatever the display unit: 6,000.00 + 0.05
    expect(p).toContain('总计（2项）6,000.05')
    expect(pageNumbersOk(pub)).toBe(true)
    toPng(pub.file, 'forms-roster-public', 1)
  })

  it('prints the asset card on one page with the funding table and 金额大写', async () => {
    const pdf = await renderJob(f.host, { template: 'assetCard', assetId: f.a1, variant: '内部版' }, 'forms-card')
    const text = squash(pdf.text)
    expect(text).toContain('帮扶项目资产登记卡片')
    expect(text).toContain('150422G202100001')
    expect(text).toContain('壹佰伍拾万元整')
    expect(text).toContain('合计（其中财政资金1,000,000.00元）1,500,000.00')
    expect(text).toContain(CUSTODIAN_PHONE)
    expect(text).toContain('产权单位（盖章）')
    expect(text).toContain('乡镇（苏木）审核（盖章）')
    expect(text).toContain('六、资产照片未上传照片（系统附件0个）')
    expect(pdf.pages).toBe(1)
    expect(pageNumbersOk(pdf)).toBe(true)
    toPng(pdf.file, 'forms-card', 1)
    const pub = await renderJob(f.host, { template: 'assetCard', assetId: f.a1, variant: '公示版' })
    expect(squash(pub.text)).toContain('139****1234')
    expect(squash(pub.text)).not.toContain(CUSTODIAN_PHONE)
  })

  it('prints every card of one 村 in one job, one asset per page', async () => {
    const pdf = await renderJob(f.host, { template: 'assetCard', villageCode: FUSHANDI, variant: '公示版' }, 'forms-cards-batch')
    expect(pdf.pages).toBe(2)
    expect(squash(pdf.pageText(1))).toContain('福山地村2021年通村水泥路')
    expect(pdf.pageText(2)).toContain('<b>加粗</b>')
    expect(squash(pdf.pageText(2))).toContain('壹拾贰万叁仟肆佰伍拾陆元柒角捌分')
    expect(pageNumbersOk(pdf)).toBe(true)
  })

  it('prints the 确权登记表 with the four opinion boxes', async () => {
    const pdf = await renderJob(f.host, { template: 'confirmForm', assetId: f.a1 }, 'forms-confirm')
    const text = squash(pdf.text)
    expect(text).toContain('帮扶项目资产确权登记表')
    expect(text).toContain('BZ-2021-001')
    expect(text).toContain('福山地村股份经济合作社100.00%')
    for (const box of ['产权单位意见（盖章）', '乡镇（苏木）人民政府意见（盖章）', '旗县级行业主管部门意见（盖章）', '旗县农牧（乡村振兴）部门登记（盖章）']) expect(text).toContain(box)
    expect(pdf.pages).toBe(1)
    toPng(pdf.file, 'forms-confirm', 1)
  })

  it('prints the 移交书 in N copies, one per party, with the item list and document checklist', async () => {
    const pdf = await renderJob(f.host, { template: 'handover', assetId: f.a1, copies: 3 }, 'forms-handover')
    expect(pdf.pages).toBe(3)
    const parties = ['第一联移交单位留存', '第二联接收单位留存', '第三联乡镇（苏木）人民政府留存']
    parties.forEach((label, k) => {
      const page = squash(pdf.pageText(k + 1))
      expect(page).toContain(label)
      expect(page).toContain('帮扶项目资产移交书')
      expect(page).toContain('YJ-2021-007')
      expect(page).toContain('合计（大写：壹佰伍拾万元整）1,500,000.00')
      expect(page).toContain('☑竣工验收报告')
      expect(page).toContain('☑钥匙')
      expect(page).toContain('☐竣工图纸')
      expect(page).toContain('本移交书一式3份')
      expect(page).toContain('监交单位（盖章）')
    })
    expect(pageNumbersOk(pdf)).toBe(true)
    toPng(pdf.file, 'forms-handover', 1)
  })

  it('prints the household 发放确认单 with 金额大写 of 6,000.05, masked in the 公示版', async () => {
    const internal = await renderJob(f.host, { template: 'householdReceipt', householdId: f.household, variant: '内部版' }, 'forms-receipt')
    const i = squash(internal.text)
    expect(i).toContain('到户类帮扶项目资产发放确认单')
    expect(i).toContain('合计（大写：陆仟元零伍分）6,000.05')
    expect(i).toContain(HEAD_ID)
    expect(i).toContain(HEAD_BANK)
    expect(i).toContain('农户签字（手印）')
    toPng(internal.file, 'forms-receipt', 1)
    const pub = await renderJob(f.host, { template: 'householdReceipt', villageCode: FUSHANDI, variant: '公示版' })
    const p = squash(pub.text)
    for (const secret of [HEAD_ID, HEAD_PHONE, HEAD_BANK]) expect(p).not.toContain(secret)
    expect(p).toContain('***************3445')
  })

  // Last: it gives the first asset attachments the other tests do not expect.
  it('puts the photos of an asset on its card (JPEG/PNG by their bytes, 照片 first), still one page', async () => {
    const add = (fileName: string, category: string, bytes: Buffer) =>
      api(f.host, 'assets.addAttachment', { id: f.a1, category, fileName, contentBase64: bytes.toString('base64') })
    await add('验收报告.jpg', '验收报告', Buffer.from('不是图片，只是改了扩展名'))
    await add('远景.png', '其他', solidPng(320, 200, [200, 40, 40]))
    await add('现场照片.png', '照片', solidPng(400, 300, [40, 120, 200]))
    const pdf = await renderJob(f.host, { template: 'assetCard', assetId: f.a1, variant: '内部版' }, 'forms-card-photos')
    const text = squash(pdf.text)
    expect(text).toContain('六、资产照片')
    expect(text.indexOf('现场照片.png')).toBeGreaterThan(-1)
    expect(text.indexOf('现场照片.png')).toBeLessThan(text.indexOf('远景.png'))
    expect(text).not.toContain('验收报告.jpg')
    expect(text).toContain('（系统附件3个）')
    expect(text).not.toContain('未上传照片')
    expect(pdf.pages).toBe(1)
    const images = execFileSync('pdfimages', ['-list', pdf.file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x')).sort()).toEqual(['320x200', '400x300'])
    toPng(pdf.file, 'forms-card-photos', 1)
  })

  it('refuses what it cannot print, in Chinese', async () => {
    await expect(api(f.host, 'print.html', { template: 'ledger' })).rejects.toThrow('请选择台账类别')
    await expect(api(f.host, 'print.html', { template: 'assetCard' })).rejects.toThrow('请选择一项资产')
    await expect(api(f.host, 'print.html', { template: 'ledger', class: '公益类', townCode: LONGCHANG, villageCode: FUSHANDI })).rejects.toThrow('不属于所选乡镇')
    await expect(api(f.host, 'print.html', { template: 'assetCard', assetId: 99999 })).rejects.toThrow('未找到资产')
  })
})
