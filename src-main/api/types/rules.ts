/** One finding of a validation rule (domain.md §7): E blocks the save, W is shown and kept, I informs. */
export interface RuleFinding {
  level: 'E' | 'W' | 'I'
  /** Field path in the input, e.g. `fundSources.1.amountFen`. */
  field: string
  /** Chinese field label, e.g. 「资金来源第2行·金额」. */
  label: string
  /** Chinese reason. */
  message: string
}
