/** The vocabularies of a print job. No imports: the contract (and so preload and the renderer) loads this file. */
export const printTemplateKeys = ['ledger', 'assetCard', 'confirmForm', 'handover', 'householdReceipt', 'projectEntry', 'projectPlan', 'projectCompletion'] as const
export type PrintTemplateKey = (typeof printTemplateKeys)[number]

export const variants = ['公示版', '内部版'] as const
export type Variant = (typeof variants)[number]

export const papers = ['A4', 'A3'] as const
export type Paper = (typeof papers)[number]

export const orientations = ['portrait', 'landscape'] as const
export type Orientation = (typeof orientations)[number]
