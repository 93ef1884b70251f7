import { AppError } from '../domain/errors'
import { settingCatalog, settingDef, type Milestone, type SettingDef } from '../domain/settings-catalog'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'

export interface SettingView extends SettingDef {
  value: unknown
}

/** Keys fixed by the first-run setup; the settings screen cannot change them. */
const setupOnlyKeys = new Set(['county.code', 'county.name', 'county.fullName'])

export function getSetting<T = unknown>(ctx: ServiceContext, key: string): T {
  const def = settingDef(key)
  if (!def) throw new Error(`unknown setting ${key}`)
  const row = ctx.db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined
  return (row ? JSON.parse(row.value) : def.default) as T
}

export function listSettings(ctx: ServiceContext): SettingView[] {
  const stored = new Map(
    (ctx.db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value)]),
  )
  return settingCatalog.map((def) => ({ ...def, value: stored.has(def.key) ? stored.get(def.key) : def.default }))
}

/** Checks a value against its definition; returns the normalised value or a Chinese reason. */
export function checkSettingValue(def: SettingDef, value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  const range = (n: number) =>
    (def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)
      ? `应在 ${def.min} 到 ${def.max} 之间`
      : null
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, reason: '应为文字' }
      if (value.length > 200) return { ok: false, reason: '不能超过200个字' }
      return { ok: true, value: value.trim() }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: '应为“是”或“否”' }
    case 'choice':
      return def.choices!.includes(value as string) ? { ok: true, value } : { ok: false, reason: `只能是 ${def.choices!.join('、')} 之一` }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, reason: '应为整数' }
      const bad = range(value)
      return bad ? { ok: false, reason: bad } : { ok: true, value }
    }
    case 'percent': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, reason: '应为数字' }
      if (Number(value.toFixed(2)) !== value) return { ok: false, reason: '最多两位小数' }
      const bad = range(value)
      return bad ? { ok: false, reason: bad } : { ok: true, value }
    }
    case 'milestones': {
      if (!Array.isArray(value) || value.length === 0) return { ok: false, reason: '至少需要一个进度节点' }
      const list = value as Milestone[]
      for (const [i, m] of list.entries()) {
        if (!Number.isInteger(m?.month) || m.month < 1 || m.month > 12) return { ok: false, reason: `第 ${i + 1} 个节点的月份应为 1–12` }
        if (typeof m.pct !== 'number' || !Number.isFinite(m.pct) || m.pct < 0 || m.pct > 100) return { ok: false, reason: `第 ${i + 1} 个节点的比例应为 0–100` }
        if (i > 0 && (m.month <= list[i - 1].month || m.pct < list[i - 1].pct))
          return { ok: false, reason: `第 ${i + 1} 个节点的月份应晚于上一个，比例不应低于上一个` }
      }
      return { ok: true, value: list.map((m) => ({ month: m.month, pct: m.pct })) }
    }
  }
}

/** Writes settings without the setup-only guard; used by the first-run setup. */
export function writeSettings(ctx: ServiceContext, values: Record<string, unknown>) {
  const errors: { key: string; label: string; reason: string }[] = []
  const normalised: [SettingDef, unknown][] = []
  for (const [key, raw] of Object.entries(values)) {
    const def = settingDef(key)
    if (!def) {
      errors.push({ key, label: key, reason: '没有这个参数' })
      continue
    }
    const checked = checkSettingValue(def, raw)
    if (checked.ok) normalised.push([def, checked.value])
    else errors.push({ key, label: def.label, reason: checked.reason })
  }
  if (errors.length) {
    throw new AppError('INVALID', errors.map((e) => `「${e.label}」${e.reason}`).join('；'), errors)
  }
  const upsert = ctx.db.prepare(
    `INSERT INTO setting (key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = datetime('now', 'localtime')`,
  )
  for (const [def, value] of normalised) {
    const before = getSetting(ctx, def.key)
    if (JSON.stringify(before) === JSON.stringify(value)) continue
    upsert.run(def.key, JSON.stringify(value))
    recordAudit(ctx, { entity: 'setting', entityId: def.key, entityName: def.label, action: 'update', summary: `修改参数「${def.label}」`, before: { value: before }, after: { value } })
  }
}

export function updateSettings(ctx: ServiceContext, values: Record<string, unknown>): SettingView[] {
  const locked = Object.keys(values).filter((k) => setupOnlyKeys.has(k))
  if (locked.length) {
    throw new AppError('READ_ONLY', `「${locked.map((k) => settingDef(k)?.label ?? k).join('、')}」在首次设置时确定，不能在此修改。`)
  }
  ctx.db.transaction(() => writeSettings(ctx, values))()
  return listSettings(ctx)
}
