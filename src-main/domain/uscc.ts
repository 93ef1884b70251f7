import { fail, ok, type Result } from './result'
import { blank, error, isBlank, warning, type Checked, type FieldRef, type Finding } from './severity'
import { toHalfWidth } from './text'

/**
 * Unified Social Credit Codes (统一社会信用代码, GB 32100-2015; domain.md §7.2): pos 1 登记管理部门码,
 * pos 2 机构类别码, pos 3–8 登记管理机关行政区划码, pos 9–17 主体标识码 (the old organisation code),
 * pos 18 check character (GB/T 17710, mod 31).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** 登记管理部门码 (GB 32100-2015 表2). */
export const usccAuthorities: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商（市场监管）',
  A: '中央军委改革和编制办公室',
  N: '农业（农业农村）',
  Y: '其他',
}

/**
 * 机构类别 by the first two characters (GB 32100-2015 表3). 54 (村/居民委员会, 民政部门赋码) is not
 * in the 2015 table; it is listed from later practice and should be verified.
 */
export const usccCategories: Readonly<Record<string, string>> = {
  '11': '机关',
  '12': '事业单位',
  '13': '中央编办直接管理机构编制的群众团体',
  '19': '其他（机构编制）',
  '21': '外国常驻新闻机构',
  '29': '其他（外交）',
  '31': '律师执业机构',
  '32': '公证处',
  '33': '基层法律服务所',
  '34': '司法鉴定机构',
  '35': '仲裁委员会',
  '39': '其他（司法行政）',
  '41': '外国在华文化中心',
  '49': '其他（文化）',
  '51': '社会团体',
  '52': '民办非企业单位（社会服务机构）',
  '53': '基金会',
  '54': '基层群众性自治组织（村/居民委员会）',
  '59': '其他（民政）',
  '61': '外国旅游部门常驻代表机构',
  '62': '港澳台地区旅游部门常驻内地（大陆）代表机构',
  '69': '其他（旅游）',
  '71': '宗教活动场所',
  '72': '宗教院校',
  '79': '其他（宗教）',
  '81': '基层工会',
  '89': '其他（工会）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
  A1: '军队事业单位',
  A9: '其他（军队）',
  N1: '组级集体经济组织',
  N2: '村级集体经济组织',
  N3: '乡镇级集体经济组织',
  N9: '其他（农业）',
  Y1: '其他',
}

/**
 * The code prefixes expected for each organisation type of `orgTypes` (asset-enums.ts). A mismatch
 * is a W: e.g. an 「农民专业合作社」 whose code does not start with 93. Types not listed are not checked.
 */
export const expectedUsccPrefixes: Readonly<Record<string, readonly string[]>> = {
  '村（嘎查）集体经济组织': ['N1', 'N2', 'N3', 'N9'],
  '村（嘎查）民委员会': ['54'],
  '乡镇（苏木）人民政府': ['11'],
  '县（旗）级部门': ['11', '12'],
  国有企业: ['91'],
  农民专业合作社: ['93'],
  企业: ['91'],
  家庭农场: ['91', '92'],
}

export interface UsccInfo {
  /** The normalised 18-character code (upper case). */
  code: string
  /** 登记管理部门, e.g. 「工商（市场监管）」; null when the first character is not in the table. */
  authority: string | null
  /** 机构类别, e.g. 「农民专业合作社」; null when the first two characters are not in the table. */
  category: string | null
  /** Pos 3–8: the registering authority's area code. */
  areaCode: string
  /** Pos 9–17: the entity code (old organisation code, 组织机构代码 without its hyphen). */
  entityCode: string
}

/** The check character for the first 17 characters (which must be from the charset). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码前17位长度不对')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i])
    if (v < 0) throw new RangeError(`统一社会信用代码含有无效字符：${first17[i]}`)
    sum += v * WEIGHTS[i]
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]
}

/**
 * Parses and validates a code: spaces and full-width characters are removed, lower case is raised.
 * Fails (Chinese reason) on a wrong length, a character outside the charset (I O Z S V are never
 * used) or a wrong check character.
 */
export function parseUscc(input: string): Result<UsccInfo> {
  if (typeof input !== 'string') return fail('统一社会信用代码格式不正确')
  const code = toHalfWidth(input).replace(/[\s\u00A0\u200B\uFEFF-]/g, '').toUpperCase()
  if (code === '') return fail('统一社会信用代码不能为空')
  if (code.length !== 18) return fail(`统一社会信用代码应为18位，填写的是${code.length}位`)
  const bad = [...code].filter((c) => !USCC_CHARSET.includes(c))
  if (bad.length > 0) {
    const letters = [...new Set(bad)].join('、')
    const hint = bad.some((c) => c === 'O' || c === 'I') ? '（可能把数字0、1写成了字母O、I）' : ''
    return fail(`统一社会信用代码含有无效字符：${letters}${hint}；只用数字和除 I、O、Z、S、V 以外的大写字母`)
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return fail('统一社会信用代码校验位不符，可能有字符录错，请与证照核对')
  return ok({
    code,
    authority: usccAuthorities[code[0]] ?? null,
    category: usccCategories[code.slice(0, 2)] ?? null,
    areaCode: code.slice(2, 8),
    entityCode: code.slice(8, 17),
  })
}

export interface UsccCheckOptions {
  /** The organisation type the record claims (one of `orgTypes`); checked against `expectedUsccPrefixes`. */
  orgType?: string
  /** The county code, e.g. 「150422」: a different registering area is a W (e.g. an outside company). */
  homeArea?: string
  /** An empty input is an E instead of nothing to check. */
  required?: boolean
}

/**
 * `parseUscc` as a check: a failure is E; an unknown 登记管理部门/机构类别, a prefix that does not fit
 * `orgType`, or an area outside `homeArea` is W. Empty input: see `blank`.
 */
export function checkUscc(input: string | null | undefined, at: FieldRef, opts: UsccCheckOptions = {}): Checked<string> {
  if (isBlank(input)) return blank(at, opts.required)
  const parsed = parseUscc(input)
  if (!parsed.ok) return { value: null, findings: [error(at, parsed.reason)] }
  const info = parsed.value
  const findings: Finding[] = []
  if (info.category === null) findings.push(warning(at, `前两位（${info.code.slice(0, 2)}）不是已知的登记管理部门和机构类别，请核对`))
  const expected = opts.orgType ? expectedUsccPrefixes[opts.orgType] : undefined
  if (expected && !expected.some((p) => info.code.startsWith(p))) {
    const what = info.category ? `“${info.category}”的代码` : '代码'
    findings.push(warning(at, `${opts.orgType}的代码通常以 ${expected.join('/')} 开头，这里是${what}（${info.code.slice(0, 2)}开头），请核对单位类型`))
  }
  if (opts.homeArea && !info.areaCode.startsWith(opts.homeArea)) {
    findings.push(warning(at, `登记机关区划（${info.areaCode}）不是本地（${opts.homeArea}），请确认是否为外地单位`))
  }
  return { value: info.code, findings }
}
