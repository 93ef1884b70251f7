import type { ServiceContext } from './context'
import { equalsWhere } from './where'

export type AuditAction = 'create' | 'update' | 'delete'

export interface AuditEntry {
  id: number
  at: string
  user: string
  entity: string
  entityId: string
  /** What a person calls the record (a village's name, a setting's label). */
  entityName: string | null
  action: AuditAction
  summary: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** Writes one audit row; call it inside the same transaction as the change it records. */
export function recordAudit(
  ctx: ServiceContext,
  entry: { entity: string; entityId: string | number; entityName?: string; action: AuditAction; summary?: string; before?: unknown; after?: unknown },
) {
  ctx.db
    .prepare(
      `INSERT INTO audit_log (user, entity, entity_id, entity_name, action, summary, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.user,
      entry.entity,
      String(entry.entityId),
      entry.entityName ?? null,
      entry.action,
      entry.summary ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    )
}

interface AuditRow {
  id: number
  at: string
  user: string
  entity: string
  entity_id: string
  entity_name: string | null
  action: AuditAction
  summary: string | null
  before_json: string | null
  after_json: string | null
}

export function listAudit(
  ctx: ServiceContext,
  input: { entity?: string; entityId?: string; page: number; pageSize: number },
): { rows: AuditEntry[]; total: number } {
  const { clause, params } = equalsWhere([
    ['entity', input.entity],
    ['entity_id', input.entityId],
  ])
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...params) as { n: number }).n
  const rows = ctx.db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as AuditRow[]
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      entity: r.entity,
      entityId: r.entity_id,
      entityName: r.entity_name,
      action: r.action,
      summary: r.summary,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
    })),
  }
}
