/** Formats 分 as 元 (2 decimals) or 万元 (4 decimals) with thousands separators. Exact: integer arithmetic only. */
export function formatFen(fen: number, unit: '元' | '万元' = '元'): string {
  const negative = fen < 0
  const abs = BigInt(Math.abs(Math.trunc(fen)))
  let whole: bigint
  let frac: string
  if (unit === '元') {
    whole = abs / 100n
    frac = String(abs % 100n).padStart(2, '0')
  } else {
    // 1 万元 = 1,000,000 分; 4 decimals = 100 分 precision, rounded half up
    const hundreds = (abs + 50n) / 100n
    whole = hundreds / 10000n
    frac = String(hundreds % 10000n).padStart(4, '0')
  }
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}.${frac}`
}

export const actionLabels: Record<string, string> = { create: '新增', update: '修改', delete: '删除' }
