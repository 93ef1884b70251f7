/** Duplicate lines within one roster file (到户资产花名册), found by household and natural key. */

interface FileLine {
  item: string
  projectName: string
  projectYear: number
  rowNumber: number
}

/** A household with more lines than this in one file has them looked up by a key text. */
const FILE_LINES_LISTED = 64

/**
 * The lines taken from the file so far, by household and natural key (item, project name, year):
 * a household has a few lines, searched in a short list rather than by a key text made for every
 * row of a large roster.
 */
export class FileLines {
  private readonly byHousehold = new Map<number, FileLine[] | Map<string, number>>()

  /** The row of an earlier line with the same key; else this line is recorded and undefined returned. */
  firstOf(householdId: number, item: string, projectName: string, projectYear: number, rowNumber: number): number | undefined {
    let lines = this.byHousehold.get(householdId)
    if (lines === undefined) this.byHousehold.set(householdId, (lines = []))
    if (Array.isArray(lines)) {
      for (const l of lines) if (l.item === item && l.projectName === projectName && l.projectYear === projectYear) return l.rowNumber
      if (lines.length < FILE_LINES_LISTED) {
        lines.push({ item, projectName, projectYear, rowNumber })
        return undefined
      }
      const byKey = new Map(lines.map((l) => [lineKey(l.item, l.projectName, l.projectYear), l.rowNumber]))
      this.byHousehold.set(householdId, (lines = byKey))
    }
    const key = lineKey(item, projectName, projectYear)
    const first = lines.get(key)
    if (first === undefined) lines.set(key, rowNumber)
    return first
  }
}

const lineKey = (item: string, projectName: string, projectYear: number) => `${item}\u0000${projectName}\u0000${projectYear}`
