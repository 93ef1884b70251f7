/**
 * `WHERE a = ? AND b = ?` of the equality filters that are set — a filter whose value is empty
 * (undefined, '', 0) is left out — with their parameters in the same order; '' when none is set.
 */
export function equalsWhere(filters: [column: string, value: unknown][]): { clause: string; params: unknown[] } {
  const set = filters.filter(([, value]) => value)
  return {
    clause: set.length ? `WHERE ${set.map(([column]) => `${column} = ?`).join(' AND ')}` : '',
    params: set.map(([, value]) => value),
  }
}
