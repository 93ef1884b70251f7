import { classLetter, type AssetClass } from '../../domain/asset-enums'
import { AppError } from '../../domain/errors'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'

/**
 * Expands the code rule (setting asset.codeRule, default {县}{类}{年}{序5}) for one asset.
 * The sequence is counted per expanded prefix in code_counter and only ever increases, so a code
 * is never handed out twice, even after the asset is disposed of or deleted.
 */
export function formatAssetCode(rule: string, parts: { county: string; letter: string; year: number; seq: number }): string {
  return rule
    .replaceAll('{县}', parts.county)
    .replaceAll('{类}', parts.letter)
    .replaceAll('{年}', String(parts.year))
    .replace(/\{序(\d)\}/g, (_m, width: string) => String(parts.seq).padStart(Number(width), '0'))
}

function rulePrefix(rule: string, county: string, letter: string, year: number) {
  const cut = rule.search(/\{序\d\}/)
  if (cut < 0) throw new AppError('BAD_RULE', '资产编号规则中缺少流水号 {序N}，请在参数设置中修正。')
  return formatAssetCode(rule.slice(0, cut), { county, letter, year, seq: 0 })
}

/** Takes the next code (call inside the transaction that inserts the asset). */
export function takeAssetCode(ctx: ServiceContext, assetClass: AssetClass, year: number): string {
  const rule = getSetting<string>(ctx, 'asset.codeRule')
  const county = getSetting<string>(ctx, 'county.code')
  const letter = classLetter[assetClass]
  const scope = rulePrefix(rule, county, letter, year)
  for (;;) {
    const row = ctx.db
      .prepare('INSERT INTO code_counter (scope, last_value) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET last_value = last_value + 1 RETURNING last_value')
      .get(scope) as { last_value: number }
    const code = formatAssetCode(rule, { county, letter, year, seq: row.last_value })
    // A code typed in by an import may already hold this number: skip it rather than collide.
    if (!ctx.db.prepare('SELECT 1 FROM asset WHERE code = ?').get(code)) return code
  }
}

/** The code the next asset would get, without taking it (for display in the form). */
export function peekAssetCode(ctx: ServiceContext, assetClass: AssetClass, year: number): string {
  const rule = getSetting<string>(ctx, 'asset.codeRule')
  const county = getSetting<string>(ctx, 'county.code')
  const letter = classLetter[assetClass]
  const scope = rulePrefix(rule, county, letter, year)
  const row = ctx.db.prepare('SELECT last_value FROM code_counter WHERE scope = ?').get(scope) as { last_value: number } | undefined
  return formatAssetCode(rule, { county, letter, year, seq: (row?.last_value ?? 0) + 1 })
}
