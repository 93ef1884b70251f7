/**
 * ECharts options of the 调度 board (pure: board data → option). The milestone targets are drawn as a
 * dashed step series, so the cumulative 支出率 / 拨付率 lines are seen against them month by month.
 * Figures in tooltips come from the exact sums; the geometry alone uses floats.
 */
import type { ProjectBoard } from '../../../../src-main/api/types/projects'
import { formatFen, type MoneyUnit } from '../../../../src-main/domain/money'
import type { ChartOption } from '../charts/overview-options'
import { inUnit } from '../charts/overview-options'
import { fracText } from './rates'

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
const axisLabel = { color: '#5a6b7d', fontSize: 12 }
const pct = (r: number | null) => (r === null ? null : Math.round(r * 10000) / 100)
export const boardColors = { spent: '#d9534f', paid: '#3a7bd5', allocated: '#4caf7a', issued: '#9aa5b1', target: '#e6a23c', start: '#3a7bd5', done: '#4caf7a' }

/** The months to draw: all of a past year; up to the month of `asOf` in the current one (later months are not known yet). */
export function monthsShown(board: ProjectBoard): number {
  const [y, mo] = board.asOf.split('-').map(Number)
  return y > board.year ? 12 : y < board.year ? 0 : mo
}

/** Cumulative 支出率 and 拨付率 by month against the milestone targets (dashed steps, all 12 months). */
export function rateOption(board: ProjectBoard): ChartOption {
  const shown = monthsShown(board)
  const byMonth = (pick: (m: ProjectBoard['monthly'][number]) => number | null) => months.map((_, i) => (i < shown ? pct(pick(board.monthly[i] ?? ({} as never)) ?? null) : null))
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const list = params as { dataIndex: number; seriesName: string; marker: string }[]
        const m = board.monthly[list[0]?.dataIndex ?? 0]
        if (!m) return ''
        const rows = [`<b>${m.month}月末（累计）</b>`, `进度目标：${fracText(m.targetRate, 0)}`]
        if (list[0].dataIndex < shown) rows.push(`支出率：${fracText(m.expenditureRate)}`, `拨付率：${fracText(m.paymentRate)}`)
        return rows.join('<br/>')
      },
    },
    legend: { top: 0, itemWidth: 16, itemHeight: 8, data: ['支出率', '拨付率', '进度目标'] },
    grid: { left: 48, right: 20, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: months, axisLabel, axisTick: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef1f5' } } },
    series: [
      {
        name: '进度目标',
        type: 'line',
        step: 'end',
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2, color: boardColors.target },
        itemStyle: { color: boardColors.target },
        areaStyle: { color: 'rgba(230,162,60,0.08)' },
        data: months.map((_, i) => pct(board.monthly[i]?.targetRate ?? null)),
      },
      { name: '拨付率', type: 'line', symbolSize: 6, lineStyle: { width: 2 }, itemStyle: { color: boardColors.paid }, data: byMonth((m) => m.paymentRate) },
      {
        name: '支出率',
        type: 'line',
        symbolSize: 7,
        lineStyle: { width: 3 },
        itemStyle: { color: boardColors.spent },
        label: { show: true, position: 'right', fontSize: 11, formatter: (p) => (p.dataIndex === shown - 1 && typeof p.value === 'number' ? `${(p.value as number).toFixed(1)}%` : '') },
        data: byMonth((m) => m.expenditureRate),
      },
    ],
  }
}

/** Money by month, cumulative: 下达 / 分配 / 拨付 / 支出 as bars. */
export function moneyOption(board: ProjectBoard, unit: MoneyUnit): ChartOption {
  const shown = monthsShown(board)
  const data = (pick: (m: ProjectBoard['monthly'][number]) => number) => months.map((_, i) => (i < shown && board.monthly[i] ? inUnit(pick(board.monthly[i]), unit) : null))
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0
        const m = board.monthly[i]
        if (!m || i >= shown) return `${i + 1}月：尚未到达`
        const f = (fen: number) => `${formatFen(fen, unit)} ${unit}`
        return [`<b>${m.month}月末（累计）</b>`, `下达：${f(m.issuedFen)}`, `分配：${f(m.allocatedFen)}`, `拨付：${f(m.paidFen)}`, `支出：${f(m.spentFen)}`].join('<br/>')
      },
    },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: ['下达', '分配', '拨付', '支出'] },
    grid: { left: 64, right: 16, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: months, axisLabel, axisTick: { show: false } },
    yAxis: { type: 'value', name: unit, axisLabel, nameTextStyle: axisLabel, splitLine: { lineStyle: { color: '#eef1f5' } } },
    series: [
      { name: '下达', type: 'bar', barGap: '8%', itemStyle: { color: boardColors.issued }, data: data((m) => m.issuedFen) },
      { name: '分配', type: 'bar', itemStyle: { color: boardColors.allocated }, data: data((m) => m.allocatedFen) },
      { name: '拨付', type: 'bar', itemStyle: { color: boardColors.paid }, data: data((m) => m.paidFen) },
      { name: '支出', type: 'bar', itemStyle: { color: boardColors.spent }, data: data((m) => m.spentFen) },
    ],
  }
}

/** 开工率 / 完工率 by month (cumulative), with the counts in the tooltip. */
export function progressOption(board: ProjectBoard): ChartOption {
  const shown = monthsShown(board)
  const byMonth = (pick: (m: ProjectBoard['monthly'][number]) => number | null) => months.map((_, i) => (i < shown && board.monthly[i] ? pct(pick(board.monthly[i])) : null))
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0
        const m = board.monthly[i]
        if (!m || i >= shown) return `${i + 1}月：尚未到达`
        return [`<b>${m.month}月末（累计）</b>`, `开工：${m.started} 个（${fracText(m.startRate)}）`, `完工：${m.completed} 个（${fracText(m.completionRate)}）`, `验收：${m.accepted} 个`].join('<br/>')
      },
    },
    legend: { top: 0, itemWidth: 16, itemHeight: 8, data: ['开工率', '完工率'] },
    grid: { left: 48, right: 20, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: months, axisLabel, axisTick: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#eef1f5' } } },
    series: [
      { name: '开工率', type: 'line', symbolSize: 6, itemStyle: { color: boardColors.start }, areaStyle: { color: 'rgba(58,123,213,0.08)' }, data: byMonth((m) => m.startRate) },
      { name: '完工率', type: 'line', symbolSize: 6, itemStyle: { color: boardColors.done }, data: byMonth((m) => m.completionRate) },
    ],
  }
}
