/**
 * Plausible but fictitious names for the demo county: Han names with the surnames common in
 * 赤峰, Mongolian names as they are written in Chinese characters, and invented company names.
 * Any likeness to a real person or business is chance.
 */
import { USCC_CHARSET, usccCheckChar } from '../../domain/uscc'
import { idCardCheckChar } from '../../domain/id-card'
import { weightedTable, type Rng } from './random'

/** Surnames by rough frequency in 赤峰 (north-east China leans to 王李张刘, with 于 孙 郭 韩 更 common than in the south). */
const hanSurnames = weightedTable<string>([
  ['王', 9], ['李', 8], ['张', 8], ['刘', 7], ['赵', 4], ['杨', 4], ['孙', 3.5], ['于', 3], ['高', 2.5], ['马', 2.5],
  ['郭', 2.5], ['陈', 2.5], ['周', 2], ['徐', 2], ['吴', 2], ['韩', 2], ['董', 1.5], ['姜', 1.5], ['崔', 1.2], ['曹', 1.2],
  ['齐', 1.2], ['宋', 1.2], ['郝', 1.2], ['田', 1.2], ['白', 1.2], ['孟', 1.1], ['杜', 1], ['付', 1], ['邢', 0.8], ['鲍', 0.8],
  ['朱', 1], ['胡', 1], ['何', 0.8], ['石', 0.8], ['冯', 0.8], ['吕', 0.8], ['任', 0.8], ['常', 0.7], ['贾', 0.7], ['尹', 0.6],
  ['谷', 0.5], ['宁', 0.5], ['潘', 0.5], ['邵', 0.5], ['侯', 0.6], ['康', 0.5], ['陶', 0.4], ['佟', 0.5], ['关', 0.5], ['苏', 0.6],
  ['魏', 0.7], ['薛', 0.5], ['闫', 0.6], ['段', 0.5], ['庞', 0.4], ['温', 0.5], ['牛', 0.5], ['葛', 0.4], ['乔', 0.4], ['代', 0.4],
])

const hanMale = [
  '国华', '建国', '志刚', '玉林', '春生', '福林', '宝山', '长青', '振江', '海军', '永胜', '德明', '文斌', '树林', '金山', '凤祥', '景春',
  '立新', '占军', '庆丰', '俊峰', '卫东', '红军', '玉田', '宝财', '连生', '殿臣', '广发', '福成', '万有', '荣', '忠', '明', '军', '强', '伟',
  '勇', '刚', '涛', '磊', '亮', '鹏', '斌', '峰', '海', '波', '国庆', '志勇', '东升', '晓东', '学军', '振华', '春雷', '铁柱', '满仓', '富贵',
  '景山', '守义', '文祥', '玉柱', '树青', '长林', '宝林', '成林', '海涛', '国强', '建华', '志强', '立军', '永利', '占山', '文学', '德富',
]
const hanFemale = [
  '桂兰', '秀英', '玉珍', '凤芝', '淑珍', '秀兰', '桂芝', '丽华', '春梅', '玉梅', '艳', '红', '霞', '丽', '娟', '敏', '静', '芳', '燕',
  '淑华', '玉兰', '桂荣', '秀芝', '凤琴', '亚琴', '彩霞', '翠兰', '金凤', '素芬', '晓梅', '海燕', '春艳', '丽娜', '玉霞', '秀云', '凤英',
]

/** Mongolian given names in their usual Chinese transliteration. */
const mongolMale = [
  '巴特尔', '乌力吉', '额尔敦', '宝音', '朝鲁', '巴雅尔', '苏和', '那顺', '孟和', '哈斯', '阿拉坦', '敖其尔', '特木尔', '布仁', '吉日嘎拉',
  '巴图', '胡日查', '宝力道', '毕力格', '达来', '额尔德木图', '呼和', '吉雅', '孟克', '那日苏', '桑布', '乌日图', '希拉', '图门', '满都拉',
  '白音', '达瓦', '朝格图', '德力格尔', '嘎拉', '哈达', '扎那', '照日格图', '金宝', '青格勒', '锡林', '双喜', '宝力高', '巴音', '都仁',
  '其布日', '乌恩', '额尔很', '格日勒图', '巴根', '阿木古楞', '道尔吉', '恩和', '伊德尔', '斯琴毕力格', '苏日图', '莫日根', '乌兰巴日',
]
const mongolFemale = [
  '其木格', '其其格', '斯琴', '乌云', '萨仁', '娜仁', '托娅', '高娃', '图雅', '塔娜', '乌兰', '格日勒', '琪琪格', '萨日娜', '阿拉坦其其格',
  '乌仁', '娜布其', '苏布达', '斯琴高娃', '乌日娜', '包格日乐', '额尔德尼', '敖登', '其日麦拉', '萨茹拉', '娜日苏', '阿如娜', '吉日木图',
]
/** Surnames Mongolian families in 赤峰 often add to a Mongolian given name. */
const mongolSurnames = ['包', '白', '鲍', '宝', '韩', '吴', '陈', '金', '那', '乌']

export type Sex = '男' | '女'

/** A Han or Mongolian personal name. */
export function personName(r: Rng, mongolian: boolean, sex: Sex): string {
  if (mongolian) {
    const given = r.pick(sex === '男' ? mongolMale : mongolFemale)
    return r.chance(0.45) && given.length <= 3 ? r.pick(mongolSurnames) + given : given
  }
  return hanSurnames(r) + r.pick(sex === '男' ? hanMale : hanFemale)
}

/**
 * A fictitious resident ID number with a valid GB 11643 check character: the county's own address
 * code, a real birth date and a sequence in the 900s, which marks it as demo data.
 */
export function fictitiousIdNo(countyCode: string, birthIso: string, sex: Sex, serial: number): string {
  // serial 0–49 → sequence 900–998 by sex: odd for men, even for women
  const seq = 900 + serial * 2 + (sex === '男' ? 1 : 0)
  const first17 = `${countyCode}${birthIso.replaceAll('-', '')}${String(seq).padStart(3, '0')}`
  return first17 + idCardCheckChar(first17)
}

/** A mobile number in the fictitious 139 0000 / 158 0000 blocks. */
export const fictitiousMobile = (r: Rng) => `${r.pick(['1390000', '1580000', '1520000'])}${String(r.int(0, 9999)).padStart(4, '0')}`

/**
 * A 统一社会信用代码 with a valid check character: registration authority and category (e.g. 「N2」
 * village collective, 「93」 cooperative, 「11」 government organ), the county's area code, and a
 * random entity code.
 */
export function fictitiousUscc(r: Rng, prefix: string, countyCode: string, marketEntity = false): string {
  let entity = marketEntity ? 'MA' : ''
  const digitsOnly = !marketEntity && r.chance(0.7)
  while (entity.length < 9) entity += digitsOnly ? String(r.int(0, 9)) : USCC_CHARSET[r.int(0, USCC_CHARSET.length - 1)]
  const first17 = `${prefix}${countyCode}${entity}`
  return first17 + usccCheckChar(first17)
}

/** Words for invented company and cooperative names. */
const brandWords = [
  '丰禾', '金穗', '瑞牧', '兴农', '润土', '北辰', '盛源', '绿野', '裕丰', '康牧', '禾丰', '天牧', '沃野', '谷香', '嘉禾', '旺泰',
  '鑫源', '恒信', '草原情', '牧歌', '福牧', '鸿达', '益农', '丰泽', '金谷', '绿源', '晨光', '远景', '华牧', '祥瑞',
]
const companyForms: [string, string][] = [
  ['赤峰', '农牧业发展有限公司'],
  ['巴林左旗', '食品有限责任公司'],
  ['内蒙古', '牧业有限公司'],
  ['巴林左旗', '笤帚苗制品有限公司'],
  ['赤峰', '米业有限公司'],
  ['内蒙古', '生态农业有限公司'],
  ['巴林左旗', '农产品加工有限公司'],
  ['赤峰', '肉业有限公司'],
  ['巴林左旗', '冷链物流有限公司'],
  ['巴林左旗', '电子商务有限公司'],
]

export function companyName(r: Rng): string {
  const [place, form] = r.pick(companyForms)
  return `${place}${r.pick(brandWords)}${form}`
}

export const newEnergyCompanyName = (r: Rng) => `巴林左旗${r.pick(brandWords)}新能源科技有限公司`

export const cooperativeKinds = ['肉牛养殖', '肉羊养殖', '设施农业', '杂粮种植', '笤帚苗种植', '农机', '种养殖', '蔬菜种植', '饲草料种植']
