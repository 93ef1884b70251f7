/** Helpers of the export tests: a hand-built asset set, opening a written file, reading cells. */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DB } from '../../src-main/db/open'
import { resolveOutbox } from '../../src-main/services/files'
import type { ServiceContext } from '../../src-main/services/context'
import { LINDONG, LONGCHANG } from '../support/temp'

export interface HandAsset {
  class: '公益类' | '经营类' | '到户类'
  town: string
  fen: number
  year: number
  level?: string
  confirmed?: string | null
  handedOver?: string | null
  status?: string
  name?: string
  village?: string | null
}

let serial = 0
/** Inserts assets directly (only the columns the reports read), so the expected figures are plain. */
export function insertAssets(db: DB, assets: HandAsset[]): number[] {
  const stmt = db.prepare(`INSERT INTO asset (code, name, class, subtype_code, form, property_nature, unit, quantity, original_value, total_investment,
      fund_year, town_code, village_code, confirm_level, confirm_date, handover_date, status)
    VALUES (@code, @name, @class, @subtype, '固定资产', '集体资产', '处', 1, @fen, @fen, @year, @town, @village, @level, @confirmed, @handedOver, @status)`)
  return assets.map((a) => {
    serial++
    const letter = a.class === '公益类' ? 'G' : a.class === '经营类' ? 'J' : 'H'
    return Number(
      stmt.run({
        code: `150422${letter}${a.year}${String(serial).padStart(5, '0')}`,
        name: a.name ?? `测试资产${serial}`,
        class: a.class,
        subtype: `${letter}01`,
        fen: a.fen,
        year: a.year,
        town: a.town,
        village: a.village ?? null,
        level: a.level ?? '村（嘎查）级',
        confirmed: a.confirmed ?? null,
        handedOver: a.handedOver ?? null,
        status: a.status ?? '正常',
      }).lastInsertRowid,
    )
  })
}

/**
 * The hand-built county of the R1 test (amounts in 分):
 *   林东镇: 公益 100,001 (确权 村级, 移交), 经营 250,000,055 (确权 村级), 到户 33,333 (未确权)
 *   隆昌镇: 公益 1,234,567 (确权 乡镇级, 移交)
 *   county level (旗直): 公益 999,999,999 (确权 县级, 移交)
 *   查干哈达苏木: nothing.
 */
export const handSet: HandAsset[] = [
  { class: '公益类', town: LINDONG, fen: 100_001, year: 2021, confirmed: '2022-01-05', handedOver: '2022-02-01' },
  { class: '经营类', town: LINDONG, fen: 250_000_055, year: 2022, confirmed: '2022-06-01', status: '闲置' },
  { class: '到户类', town: LINDONG, fen: 33_333, year: 2021, level: '户' },
  { class: '公益类', town: LONGCHANG, fen: 1_234_567, year: 2021, level: '乡（苏木）镇级', confirmed: '2022-03-01', handedOver: '2022-03-02' },
  { class: '公益类', town: LONGCHANG, fen: 999_999_999, year: 2022, level: '县（旗）级', confirmed: '2023-01-01', handedOver: '2023-02-01' },
]

export async function openOutbox(ctx: Pick<ServiceContext, 'paths'>, fileId: string) {
  const { path } = resolveOutbox(ctx, fileId)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return { book, path }
}

/** The values of a row, from column 1 (exceljs rows are 1-based with a hole at 0). */
export const rowValues = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1)

/** Finds the 1-based row whose cell in `col` has exactly `text`. */
export function findRow(sheet: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, col).value === text) return r
  throw new Error(`no row with “${text}” in column ${col}`)
}

/** Converts an xlsx to csv with LibreOffice headless (another producer/reader than exceljs); returns the csv text. */
export function libreOfficeCsv(xlsxPath: string): string {
  const out = mkdtempSync(join(tmpdir(), 'ledger-lo-'))
  try {
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', out, xlsxPath],
      { stdio: 'pipe', timeout: 120_000 },
    )
    const csv = readdirSync(out).find((f) => f.endsWith('.csv'))
    if (!csv) throw new Error('LibreOffice wrote no csv')
    return readFileSync(join(out, csv), 'utf8')
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
