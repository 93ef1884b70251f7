import type { DB } from '../../../db/open'
import { todayIso } from '../../../domain/dates'
import type { HouseholdLineLookups } from '../../../services/households/rules'

interface StoredLine {
  id: number
  item: string
  issueDate: string
  projectName: string
  projectCode: string
  projectYear: number
}

export interface HouseholdRef {
  id: number
  headName: string
}

/**
 * The household-line rules' lookups for a whole file: households and sub-types loaded once, each
 * household's stored lines loaded the first time one of its rows comes up — one query per
 * household instead of three per row. Rows already accepted from the same file are not added here:
 * duplicates within the file are the import's own check.
 */
export class BulkLineLookups implements HouseholdLineLookups {
  private readonly byId = new Map<number, HouseholdRef>()
  private readonly byIdNo = new Map<string, HouseholdRef>()
  private readonly subtypes = new Map<string, { name: string; active: number }>()
  private readonly lines = new Map<number, StoredLine[]>()
  private readonly linesOf
  private readonly assetById
  private readonly todayText = todayIso()

  constructor(db: DB) {
    for (const h of db.prepare('SELECT id, id_no AS idNo, head_name AS headName FROM household').iterate() as IterableIterator<HouseholdRef & { idNo: string }>) {
      const ref = { id: h.id, headName: h.headName }
      this.byId.set(h.id, ref)
      this.byIdNo.set(h.idNo, ref)
    }
    for (const s of db.prepare("SELECT code, name, active FROM dict WHERE type = 'asset_subtype'").all() as { code: string; name: string; active: number }[]) {
      this.subtypes.set(s.code, { name: s.name, active: s.active })
    }
    this.linesOf = db.prepare(
      `SELECT id, item, issue_date AS issueDate, project_name AS projectName, project_code AS projectCode, project_year AS projectYear
       FROM household_asset_line INDEXED BY hal_household WHERE household_id = ?`,
    )
    this.assetById = db.prepare('SELECT code, name, class FROM asset WHERE id = ?')
  }

  householdByIdNo(idNo: string): HouseholdRef | undefined {
    return this.byIdNo.get(idNo)
  }

  household(id: number) {
    return this.byId.get(id)
  }

  subtype(code: string) {
    return this.subtypes.get(code)
  }

  asset(id: number) {
    return this.assetById.get(id) as { code: string; name: string; class: string } | undefined
  }

  /**
   * Loads the stored lines of every household at once when the roster is small against the file
   * (one scan instead of a query per household); a large roster is read household by household.
   */
  preload(db: DB, fileRows: number) {
    const stored = db.prepare('SELECT lines FROM household_ledger_state').pluck().get() as number
    if (stored > Math.max(4 * fileRows, 50_000)) return
    const all = db.prepare(
      `SELECT household_id AS householdId, id, item, issue_date AS issueDate, project_name AS projectName, project_code AS projectCode, project_year AS projectYear
       FROM household_asset_line`,
    )
    for (const h of this.byId.keys()) this.lines.set(h, [])
    for (const l of all.iterate() as IterableIterator<StoredLine & { householdId: number }>) {
      const { householdId, ...line } = l
      this.lines.get(householdId)?.push(line)
    }
  }

  storedLines(householdId: number): StoredLine[] {
    let list = this.lines.get(householdId)
    if (!list) this.lines.set(householdId, (list = this.linesOf.all(householdId) as StoredLine[]))
    return list
  }

  sameLine(l: { householdId: number; item: string; issueDate: string; projectName: string; projectCode: string; exceptId: number }) {
    for (const s of this.storedLines(l.householdId)) {
      if (s.id !== l.exceptId && s.item === l.item && s.issueDate === l.issueDate && (s.projectName === l.projectName || (l.projectCode !== '' && s.projectCode === l.projectCode))) return s
    }
    return undefined
  }

  /** A stored line of the import's natural key: household, item, project year and project name. */
  sameKey(householdId: number, item: string, projectYear: number, projectName: string) {
    for (const s of this.storedLines(householdId)) if (s.item === item && s.projectYear === projectYear && s.projectName === projectName) return s
    return undefined
  }

  today() {
    return this.todayText
  }
}
