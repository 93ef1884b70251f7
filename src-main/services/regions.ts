import { AppError, notFound } from '../domain/errors'
import { levelOfCode, prefixOf, townKind, villageKind } from '../domain/regions'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { countyDivisions } from './divisions'

export interface RegionRow {
  code: string
  parentCode: string | null
  level: number
  name: string
  kind: string
  isFormerPoorVillage: boolean
  isKeyVillage: boolean
  isRelocationSite: boolean
  active: boolean
  mergedInto: string | null
}
export interface RegionNode extends RegionRow {
  children: RegionNode[]
}

/**
 * Tables that place a record in a town and village. Merging repoints them; a migration that adds
 * such columns registers them here.
 */
export const regionReferences: { table: string; town: string; village: string }[] = [
  { table: 'asset', town: 'town_code', village: 'village_code' },
  { table: 'household', town: 'town_code', village: 'village_code' },
  { table: 'household_asset_line', town: 'town_code', village: 'village_code' },
]

const selectRegion = `SELECT code, parent_code AS parentCode, level, name, kind,
  is_former_poor_village AS isFormerPoorVillage, is_key_village AS isKeyVillage,
  is_relocation_site AS isRelocationSite, active, merged_into AS mergedInto FROM region`

const toRow = (r: Record<string, unknown>): RegionRow => ({
  ...(r as unknown as RegionRow),
  isFormerPoorVillage: !!r.isFormerPoorVillage,
  isKeyVillage: !!r.isKeyVillage,
  isRelocationSite: !!r.isRelocationSite,
  active: !!r.active,
})

export function getRegion(ctx: ServiceContext, code: string): RegionRow {
  const row = ctx.db.prepare(`${selectRegion} WHERE code = ?`).get(code) as Record<string, unknown> | undefined
  if (!row) throw notFound('区划', code)
  return toRow(row)
}

export function regionTree(ctx: ServiceContext, input: { includeInactive?: boolean }): RegionNode[] {
  const rows = (ctx.db.prepare(`${selectRegion} ORDER BY level, sort, code`).all() as Record<string, unknown>[])
    .map(toRow)
    .filter((r) => input.includeInactive || r.active)
  const nodes = new Map(rows.map((r) => [r.code, { ...r, children: [] as RegionNode[] }]))
  const roots: RegionNode[] = []
  // The county is the root: province and prefecture rows exist only to give it its parents.
  for (const node of nodes.values()) {
    if (node.level === 3) roots.push(node)
    else if (node.level > 3) nodes.get(node.parentCode ?? '')?.children.push(node)
  }
  return roots
}

export function insertRegion(
  ctx: ServiceContext,
  r: { code: string; parentCode: string | null; level: number; name: string; kind: string; sort: number },
) {
  ctx.db
    .prepare('INSERT INTO region (code, parent_code, level, name, kind, sort) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.code, r.parentCode, r.level, r.name, r.kind, r.sort)
}

function assertUniqueSiblingName(ctx: ServiceContext, parentCode: string, name: string, exceptCode?: string) {
  const clash = ctx.db
    .prepare('SELECT code FROM region WHERE parent_code = ? AND name = ? AND active = 1 AND code <> ?')
    .get(parentCode, name, exceptCode ?? '') as { code: string } | undefined
  if (clash) throw new AppError('DUPLICATE', `同一上级下已有名为「${name}」的区划（${clash.code}）。`, { field: 'name' })
}

export function renameRegion(ctx: ServiceContext, input: { code: string; name: string }): RegionRow {
  return ctx.db.transaction(() => {
    const before = getRegion(ctx, input.code)
    if (before.level < 4) throw new AppError('READ_ONLY', '旗县名称随首次设置确定，此处只能修改乡镇和村。')
    if (before.name === input.name) return before
    assertUniqueSiblingName(ctx, before.parentCode!, input.name, input.code)
    const kind = before.level === 4 ? townKind(input.code, input.name) : villageKind(input.code, input.name)
    ctx.db
      .prepare(`UPDATE region SET name = ?, kind = ?, updated_at = datetime('now', 'localtime') WHERE code = ?`)
      .run(input.name, kind, input.code)
    const after = getRegion(ctx, input.code)
    recordAudit(ctx, { entity: 'region', entityId: input.code, entityName: after.name, action: 'update', summary: `更名：${before.name} → ${after.name}`, before, after })
    return after
  })()
}

function officialChildCodes(ctx: ServiceContext, parent: RegionRow): string[] {
  try {
    const county = countyDivisions(ctx.paths.resourcesDir, parent.code.slice(0, 6))
    if (parent.level === 3) return county.towns.map((t) => t.code)
    return county.towns.find((t) => t.code === parent.code)?.villages.map((v) => v.code) ?? []
  } catch {
    return []
  }
}

/** Next free code under a parent: villages from 200 (村委会 range), towns from 100. */
function nextChildCode(ctx: ServiceContext, parent: RegionRow): string {
  const childLevel = parent.level + 1
  const prefix = prefixOf(parent.code, parent.level)
  const width = 3
  const base = childLevel === 5 ? 200 : 100
  // Codes in use here, and official codes of units the county chose not to load: never hand those out.
  const official = officialChildCodes(ctx, parent)
  const used = new Set(
    [...(ctx.db.prepare('SELECT code FROM region WHERE parent_code = ?').all(parent.code) as { code: string }[]).map((r) => r.code), ...official].map(
      (code) => Number(code.slice(prefix.length, prefix.length + width)),
    ),
  )
  for (let n = base; n < 1000; n++) {
    if (!used.has(n)) return (prefix + String(n).padStart(width, '0')).padEnd(12, '0')
  }
  throw new AppError('FULL', `「${parent.name}」下已没有可用的区划代码。`)
}

export function addRegion(ctx: ServiceContext, input: { parentCode: string; name: string; code?: string }): RegionRow {
  return ctx.db.transaction(() => {
    const parent = getRegion(ctx, input.parentCode)
    if (parent.level !== 3 && parent.level !== 4) throw new AppError('INVALID', '只能在旗县下添加乡镇，或在乡镇下添加村（嘎查）。')
    // A child of a merged region would be hidden from the tree (it shows active regions only).
    if (!parent.active) throw new AppError('INVALID', `「${parent.name}」已被合并，请选择仍在使用的区划。`)
    const level = parent.level + 1
    const code = input.code ?? nextChildCode(ctx, parent)
    if (!code.startsWith(prefixOf(parent.code, parent.level)) || levelOfCode(code) !== level) {
      throw new AppError('INVALID', `区划代码 ${code} 不属于「${parent.name}」：应以 ${prefixOf(parent.code, parent.level)} 开头${level === 4 ? '，后三位为 000' : '，末三位不为 000'}。`, { field: 'code' })
    }
    if (ctx.db.prepare('SELECT 1 FROM region WHERE code = ?').get(code)) {
      throw new AppError('DUPLICATE', `区划代码 ${code} 已被使用。`, { field: 'code' })
    }
    assertUniqueSiblingName(ctx, parent.code, input.name)
    const kind = level === 4 ? townKind(code, input.name) : villageKind(code, input.name)
    const sort = (ctx.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM region WHERE parent_code = ?').get(parent.code) as { s: number }).s
    insertRegion(ctx, { code, parentCode: parent.code, level, name: input.name, kind, sort })
    const after = getRegion(ctx, code)
    recordAudit(ctx, { entity: 'region', entityId: code, entityName: input.name, action: 'create', summary: `在「${parent.name}」下新增「${input.name}」`, after })
    return after
  })()
}

/** Merges one village into another (or one town into another): the old one becomes inactive. */
export function mergeRegion(ctx: ServiceContext, input: { fromCode: string; intoCode: string }): RegionRow {
  return ctx.db.transaction(() => {
    if (input.fromCode === input.intoCode) throw new AppError('INVALID', '不能把区划合并到它自己。')
    const from = getRegion(ctx, input.fromCode)
    const into = getRegion(ctx, input.intoCode)
    if (from.level !== into.level || from.level < 4) throw new AppError('INVALID', '只能把村并入村、把乡镇并入乡镇。')
    if (!from.active) throw new AppError('INVALID', `「${from.name}」已于此前合并，不能再次合并。`)
    if (!into.active) throw new AppError('INVALID', `「${into.name}」已被合并，请选择仍在使用的区划。`)
    if (from.level === 4) {
      const moved = ctx.db.prepare(`UPDATE region SET parent_code = ?, updated_at = datetime('now', 'localtime') WHERE parent_code = ? AND active = 1`).run(into.code, from.code)
      if (moved.changes) recordAudit(ctx, { entity: 'region', entityId: into.code, entityName: into.name, action: 'update', summary: `接收「${from.name}」的 ${moved.changes} 个村（嘎查）` })
    }
    for (const ref of regionReferences) {
      if (from.level === 4) {
        ctx.db.prepare(`UPDATE ${ref.table} SET ${ref.town} = ? WHERE ${ref.town} = ?`).run(into.code, from.code)
      } else {
        ctx.db.prepare(`UPDATE ${ref.table} SET ${ref.village} = ?, ${ref.town} = ? WHERE ${ref.village} = ?`).run(into.code, into.parentCode, from.code)
      }
    }
    ctx.db.prepare(`UPDATE region SET active = 0, merged_into = ?, updated_at = datetime('now', 'localtime') WHERE code = ?`).run(into.code, from.code)
    const after = getRegion(ctx, from.code)
    recordAudit(ctx, { entity: 'region', entityId: from.code, entityName: from.name, action: 'update', summary: `「${from.name}」并入「${into.name}」`, before: from, after })
    return getRegion(ctx, into.code)
  })()
}

export function setRegionFlags(
  ctx: ServiceContext,
  input: { code: string; isFormerPoorVillage?: boolean; isKeyVillage?: boolean; isRelocationSite?: boolean },
): RegionRow {
  return ctx.db.transaction(() => {
    const before = getRegion(ctx, input.code)
    if (before.level !== 5) throw new AppError('INVALID', '脱贫村、重点帮扶村、易地搬迁安置点只能标记在村（嘎查）上。')
    const next = {
      isFormerPoorVillage: input.isFormerPoorVillage ?? before.isFormerPoorVillage,
      isKeyVillage: input.isKeyVillage ?? before.isKeyVillage,
      isRelocationSite: input.isRelocationSite ?? before.isRelocationSite,
    }
    if (
      next.isFormerPoorVillage === before.isFormerPoorVillage &&
      next.isKeyVillage === before.isKeyVillage &&
      next.isRelocationSite === before.isRelocationSite
    ) {
      return before
    }
    ctx.db
      .prepare(
        `UPDATE region SET is_former_poor_village = ?, is_key_village = ?, is_relocation_site = ?,
         updated_at = datetime('now', 'localtime') WHERE code = ?`,
      )
      .run(+next.isFormerPoorVillage, +next.isKeyVillage, +next.isRelocationSite, input.code)
    const after = getRegion(ctx, input.code)
    recordAudit(ctx, { entity: 'region', entityId: input.code, entityName: after.name, action: 'update', summary: `修改「${after.name}」的村属性`, before, after })
    return after
  })()
}
