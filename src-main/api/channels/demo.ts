import { z } from 'zod'
import { channel } from '../define'

export interface DemoSummary {
  countyName: string
  publicAssets: number
  operatingAssets: number
  householdAssets: number
  households: number
  householdLines: number
  seconds: number
}

export const demoChannels = {
  /** First-run option 载入示例数据: sets up the demo county and fills it with realistic records. */
  'demo.load': channel<DemoSummary>()(z.object({ scale: z.enum(['default']).default('default').describe('规模') })),
}
