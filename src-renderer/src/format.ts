/**
 * Display labels shared by the screens. Money is formatted by `formatFen` in
 * src-main/domain/money.ts (pure, exact), which the renderer imports directly.
 */
export const actionLabels: Record<string, string> = { create: '新增', update: '修改', delete: '删除' }
/** A year as the pickers show it: 2025 → 2025年. */
export const yearLabel = (year: number) => `${year}年`
