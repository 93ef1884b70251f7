import { AppError } from '../../domain/errors'
import type { Collector, FieldRef } from '../../domain/severity'
import { checkUscc } from '../../domain/uscc'
import type { OrgRef } from '../../api/types/assets'
import type { ServiceContext } from '../context'

export type OrgInput = { id: number } | { name: string; orgType: string; uscc?: string; regionCode?: string }

const selectOrg = 'SELECT id, name, org_type AS orgType, uscc, region_code AS regionCode FROM org'

export function getOrg(ctx: ServiceContext, id: number): OrgRef {
  const row = ctx.db.prepare(`${selectOrg} WHERE id = ?`).get(id) as OrgRef | undefined
  if (!row) throw new AppError('NOT_FOUND', `未找到编号为 ${id} 的单位。`)
  return row
}

/** An organisation picked by id, or typed in: found by name and type, or created. */
export function resolveOrg(ctx: ServiceContext, input: OrgInput): OrgRef {
  if ('id' in input) return getOrg(ctx, input.id)
  const existing = ctx.db.prepare(`${selectOrg} WHERE name = ? AND org_type = ?`).get(input.name, input.orgType) as OrgRef | undefined
  if (existing) {
    if (input.uscc && !existing.uscc) ctx.db.prepare('UPDATE org SET uscc = ? WHERE id = ?').run(input.uscc, existing.id)
    return existing.uscc || !input.uscc ? existing : { ...existing, uscc: input.uscc }
  }
  const info = ctx.db
    .prepare('INSERT INTO org (name, org_type, uscc, region_code) VALUES (?, ?, ?, ?)')
    .run(input.name, input.orgType, input.uscc || null, input.regionCode ?? null)
  return getOrg(ctx, Number(info.lastInsertRowid))
}

export function searchOrgs(ctx: ServiceContext, input: { q: string; orgType?: string }): OrgRef[] {
  const where = ['name LIKE ?']
  const params: unknown[] = [`%${input.q}%`]
  if (input.orgType) {
    where.push('org_type = ?')
    params.push(input.orgType)
  }
  return ctx.db.prepare(`${selectOrg} WHERE ${where.join(' AND ')} ORDER BY name LIMIT 30`).all(...params) as OrgRef[]
}

/** Checks a typed-in organisation's 统一社会信用代码 (checksum E; type/area mismatch W). */
export function checkOrgInput(c: Collector, input: OrgInput, at: FieldRef, homeArea?: string) {
  if ('id' in input || !input.uscc) return
  c.take(checkUscc(input.uscc, { field: `${at.field}.uscc`, label: `${at.label}·统一社会信用代码` }, { orgType: input.orgType, homeArea }))
}
