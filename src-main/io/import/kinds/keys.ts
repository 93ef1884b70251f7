/** The kinds of record that can be imported (no imports here: the contract, and so the preload, reads this). */
export const kindKeys = ['assets.public', 'assets.operating', 'assets.household', 'households', 'householdLines', 'projects', 'fundDocs', 'fundAllocations', 'fundPayments'] as const
export type KindKey = (typeof kindKeys)[number]
