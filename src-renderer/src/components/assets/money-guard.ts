/**
 * Lets a form know whether any of its MoneyInputs holds text that is not a valid amount (such an
 * input reports null, which must not be saved as “no amount”). The form calls `provideMoneyGuard()`
 * in its setup; each MoneyInput below it reports its state.
 */
import { inject, provide, reactive, type InjectionKey } from 'vue'

export interface MoneyGuard {
  report(id: symbol, invalid: boolean): void
}
const key: InjectionKey<MoneyGuard> = Symbol('money-guard')

export function provideMoneyGuard() {
  const invalid = reactive(new Set<symbol>())
  provide(key, { report: (id, bad) => (bad ? invalid.add(id) : invalid.delete(id)) })
  return { hasInvalid: () => invalid.size > 0 }
}

export const injectMoneyGuard = () => inject(key, null)
