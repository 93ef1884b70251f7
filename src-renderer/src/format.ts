/**
 * Display labels shared by the screens. Money is formatted by `formatFen` in
 * src-main/domain/money.ts (pure, exact), which the renderer imports directly.
 */
export const actionLabels: Record<string, string> = { create: '新增', update: '修改', delete: '删除' }
