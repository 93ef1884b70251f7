/**
 * ECharts options for the 总览 (pure: data → option) and where a click on each chart leads.
 * Exact amounts come from formatFen; the chart geometry alone uses floats.
 */
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { RouteLocationRaw } from 'vue-router'
import type { AssetClassName, OverviewData } from '../../../../src-main/api/types/assets'
import { formatFen, type MoneyUnit } from '../../../../src-main/domain/money'

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption
>

export const classOrder: AssetClassName[] = ['公益类', '经营类', '到户类']
export const ledgerKind: Record<AssetClassName, 'public' | 'operating' | 'household'> = { 公益类: 'public', 经营类: 'operating', 到户类: 'household' }

const palette = { count: '#3a7bd5', value: '#e6a23c', line: '#d9534f' }
export const statusColors: Record<string, string> = {
  在建: '#8fb3e8',
  正常: '#4caf7a',
  闲置: '#f0a020',
  低效: '#f5d04b',
  '损毁（可修复）': '#e57368',
  '损毁（不可修复）': '#b8322a',
  待处置: '#a58bd6',
  已处置: '#9aa5b1',
  已报废: '#6f7b88',
  已核销: '#c4ccd4',
  灭失: '#4d5661',
}

/** 分 as a plain number in the display unit, for chart geometry only. */
export const inUnit = (fen: number, unit: MoneyUnit) => (unit === '万元' ? fen / 1_000_000 : fen / 100)
const money = (fen: number, unit: MoneyUnit) => `${formatFen(fen, unit)} ${unit}`
/** A short amount for chart labels: 万元 to 2 decimals, 元 to the whole 元 (tooltips show it exactly). */
export const shortMoney = (fen: number, unit: MoneyUnit) =>
  unit === '万元' ? formatFen(Math.round(fen / 10_000) * 10_000, '万元').slice(0, -2) : formatFen(Math.round(fen / 100) * 100, '元').slice(0, -3)
const axisLabel = { color: '#5a6b7d', fontSize: 12 }
const tooltipBase: TooltipComponentOption = { confine: true, textStyle: { fontSize: 13 } }

type Sums = { count: number; originalValueFen: number }
const tip = (title: string, s: Sums, unit: MoneyUnit) => `<b>${title}</b><br/>资产数：${s.count} 项<br/>原值：${money(s.originalValueFen, unit)}`

/** By class: count (bars, left axis) and 原值 (bars, right axis); all three classes always shown. */
export function classOption(data: OverviewData, unit: MoneyUnit): ChartOption {
  const rows = classOrder.map((c) => data.byClass.find((r) => r.class === c) ?? { class: c, count: 0, originalValueFen: 0 })
  return {
    tooltip: { ...tooltipBase, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p) => tip(rows[(p as { dataIndex: number }[])[0].dataIndex].class, rows[(p as { dataIndex: number }[])[0].dataIndex], unit) },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: ['资产数', `原值（${unit}）`] },
    grid: { left: 48, right: 64, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.class), axisLabel: { ...axisLabel, fontSize: 13 }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', name: '项', minInterval: 1, axisLabel, nameTextStyle: axisLabel, splitLine: { lineStyle: { color: '#eef1f5' } } },
      { type: 'value', name: unit, axisLabel, nameTextStyle: axisLabel, splitLine: { show: false } },
    ],
    series: [
      { name: '资产数', type: 'bar', barMaxWidth: 34, itemStyle: { color: palette.count }, label: { show: true, position: 'top', fontSize: 12 }, data: rows.map((r) => r.count) },
      {
        name: `原值（${unit}）`,
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 34,
        itemStyle: { color: palette.value },
        data: rows.map((r) => inUnit(r.originalValueFen, unit)),
      },
    ],
  }
}

/** By 乡镇 (苏木): horizontal bars, first town on top; the metric is count or 原值. */
export function townOption(data: OverviewData, unit: MoneyUnit, metric: 'count' | 'value'): ChartOption {
  const rows = data.byTown
  return {
    tooltip: { ...tooltipBase, trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p) => tip(rows[(p as { dataIndex: number }[])[0].dataIndex].townName, rows[(p as { dataIndex: number }[])[0].dataIndex], unit) },
    grid: { left: 100, right: metric === 'count' ? 56 : 84, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: metric === 'count' ? 1 : undefined, axisLabel, splitLine: { lineStyle: { color: '#eef1f5' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.townName), axisLabel: { ...axisLabel, width: 92, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        name: metric === 'count' ? '资产数' : `原值（${unit}）`,
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: metric === 'count' ? palette.count : palette.value },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#5a6b7d',
          formatter: (p) => {
            const r = rows[(p as { dataIndex: number }).dataIndex]
            return metric === 'count' ? (r.count ? String(r.count) : '') : r.originalValueFen ? shortMoney(r.originalValueFen, unit) : ''
          },
        },
        data: rows.map((r) => (metric === 'count' ? r.count : inUnit(r.originalValueFen, unit))),
      },
    ],
  }
}

/** By fund year: count as bars, 原值 as a line on the right axis. */
export function yearOption(data: OverviewData, unit: MoneyUnit): ChartOption {
  const rows = data.byYear
  return {
    tooltip: { ...tooltipBase, trigger: 'axis', formatter: (p) => tip(`${rows[(p as { dataIndex: number }[])[0].dataIndex].year}年`, rows[(p as { dataIndex: number }[])[0].dataIndex], unit) },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, data: ['资产数', `原值（${unit}）`] },
    grid: { left: 48, right: 64, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)), axisLabel, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: '项', minInterval: 1, axisLabel, nameTextStyle: axisLabel, splitLine: { lineStyle: { color: '#eef1f5' } } },
      { type: 'value', name: unit, axisLabel, nameTextStyle: axisLabel, splitLine: { show: false } },
    ],
    series: [
      { name: '资产数', type: 'bar', barMaxWidth: 30, itemStyle: { color: palette.count }, data: rows.map((r) => r.count) },
      {
        name: `原值（${unit}）`,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        itemStyle: { color: palette.line },
        data: rows.map((r) => inUnit(r.originalValueFen, unit)),
      },
    ],
  }
}

/** By status: a ring with the legend on the right. */
export function statusOption(data: OverviewData, unit: MoneyUnit): ChartOption {
  const rows = data.byStatus
  const total = rows.reduce((n, r) => n + r.count, 0)
  return {
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p) => {
        const r = rows[(p as { dataIndex: number }).dataIndex]
        return `${tip(r.status, r, unit)}<br/>占比：${total ? ((r.count / total) * 100).toFixed(1) : '0.0'}%`
      },
    },
    title: {
      text: String(total),
      subtext: '项资产',
      left: '36%',
      top: '43%',
      textAlign: 'center',
      itemGap: 2,
      textStyle: { fontSize: 22, fontWeight: 600, color: '#1f2d3d' },
      subtextStyle: { fontSize: 12, color: '#5a6b7d' },
    },
    legend: { orient: 'vertical', right: 8, top: 'middle', itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 }, formatter: (name) => `${name}  ${rows.find((r) => r.status === name)?.count ?? 0}` },
    series: [
      {
        name: '资产状态',
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['36%', '52%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: '{d}%', fontSize: 11 },
        labelLine: { length: 6, length2: 6 },
        // Slices under 4% get no outside label (they would pile up); the legend and tooltip still show them.
        data: rows.map((r) => {
          const small = total > 0 && r.count / total < 0.04
          return { name: r.status, value: r.count, itemStyle: { color: statusColors[r.status] ?? '#8492a6' }, label: { show: !small }, labelLine: { show: !small } }
        }),
      },
    ],
  }
}

/** The ledger a drill-down opens when the chart spans all classes: the first class that has assets. */
export function defaultKind(data: OverviewData): 'public' | 'operating' | 'household' {
  const first = classOrder.find((c) => (data.byClass.find((r) => r.class === c)?.count ?? 0) > 0)
  return first ? ledgerKind[first] : 'public'
}

export type ChartName = 'class' | 'town' | 'year' | 'status'

/** Where a click on item `index` of a chart leads: the ledger filtered to that item. */
export function drillTarget(data: OverviewData, chart: ChartName, index: number): RouteLocationRaw | null {
  const kind = defaultKind(data)
  switch (chart) {
    case 'class': {
      const c = classOrder[index]
      return c ? `/ledger/${ledgerKind[c]}` : null
    }
    case 'town': {
      const t = data.byTown[index]
      return t ? { path: `/ledger/${kind}`, query: { townCode: t.townCode } } : null
    }
    case 'year': {
      const y = data.byYear[index]
      return y ? { path: `/ledger/${kind}`, query: { fundYear: String(y.year) } } : null
    }
    case 'status': {
      const s = data.byStatus[index]
      return s ? { path: `/ledger/${kind}`, query: { status: s.status } } : null
    }
  }
}
