import type { Migration } from '../migrate'

const money = (name: string) => `${name} INTEGER NOT NULL DEFAULT 0 CHECK (${name} >= 0)`

/** The project-type dictionary (domain.md §4.1): 2021+ types, the 2016–2020 classification kept for historic years. */
export const defaultProjectTypes: {
  code: string
  name: string
  from: number
  to: number | null
  industry: boolean
  fee: boolean
  formsAsset: '是' | '否' | '视情况'
  subtypes: string[]
}[] = [
  { code: 'CY', name: '产业发展', from: 2021, to: null, industry: true, fee: false, formsAsset: '视情况', subtypes: ['生产项目', '加工流通项目', '配套设施项目', '产业服务支撑项目', '金融保险配套项目', '资产收益/入股项目', '村集体经济项目', '到户产业奖补'] },
  { code: 'JY', name: '就业项目', from: 2021, to: null, industry: false, fee: false, formsAsset: '视情况', subtypes: ['务工补助', '就业帮扶车间', '以工代赈', '公益性岗位', '技能培训'] },
  { code: 'XC', name: '乡村建设行动', from: 2021, to: null, industry: false, fee: false, formsAsset: '是', subtypes: ['农村基础设施', '人居环境整治', '农村公共服务'] },
  { code: 'YB', name: '易地搬迁后扶', from: 2021, to: null, industry: false, fee: false, formsAsset: '视情况', subtypes: ['安置区配套设施', '就业/产业帮扶', '社区治理'] },
  { code: 'SB', name: '巩固三保障成果', from: 2021, to: null, industry: false, fee: false, formsAsset: '否', subtypes: ['住房安全', '教育', '健康'] },
  { code: 'XZ', name: '乡村治理和精神文明建设', from: 2021, to: null, industry: false, fee: false, formsAsset: '否', subtypes: ['积分超市', '村规民约', '文明建设'] },
  { code: 'GL', name: '项目管理费', from: 2016, to: null, industry: false, fee: true, formsAsset: '否', subtypes: ['前期设计', '评审', '招标', '监理', '验收'] },
  { code: 'QT', name: '其他', from: 2016, to: null, industry: false, fee: false, formsAsset: '视情况', subtypes: ['少数民族特色村寨', '防贫保险', '其他'] },
  { code: 'CF', name: '产业扶贫类', from: 2016, to: 2020, industry: true, fee: false, formsAsset: '视情况', subtypes: ['种植业', '养殖业', '光伏扶贫', '资产收益', '到户产业'] },
  { code: 'JC', name: '基础设施类', from: 2016, to: 2020, industry: false, fee: false, formsAsset: '是', subtypes: ['道路', '饮水', '水利', '电力'] },
  { code: 'SG', name: '生活条件改善类', from: 2016, to: 2020, industry: false, fee: false, formsAsset: '视情况', subtypes: ['危房改造', '人居环境'] },
  { code: 'JF', name: '教育扶贫类', from: 2016, to: 2020, industry: false, fee: false, formsAsset: '否', subtypes: ['雨露计划', '助学补助'] },
  { code: 'JD', name: '就业扶贫类', from: 2016, to: 2020, industry: false, fee: false, formsAsset: '视情况', subtypes: ['扶贫车间', '公益性岗位', '技能培训'] },
]

/** Fund project library (issue 4; domain.md §4): projects, steps, publicity, changes, indicators, fund documents and money. */
export const projects: Migration = {
  version: 4,
  name: '项目库：项目、流程、公示、调整、绩效指标、资金下达与拨付支出',
  up: (db) => {
    db.exec(`
    CREATE TABLE project_type (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      valid_from_year INTEGER NOT NULL,
      valid_to_year INTEGER,
      is_industry INTEGER NOT NULL DEFAULT 0,
      is_management_fee INTEGER NOT NULL DEFAULT 0,
      forms_asset TEXT NOT NULL DEFAULT '视情况',
      subtypes_json TEXT NOT NULL DEFAULT '[]',
      sort INTEGER NOT NULL DEFAULT 0,
      CHECK (valid_to_year IS NULL OR valid_to_year >= valid_from_year)
    );

    CREATE TABLE project (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      external_code TEXT,
      name TEXT NOT NULL,
      year INTEGER NOT NULL,
      library_year INTEGER NOT NULL,
      batch TEXT NOT NULL DEFAULT '',
      type_code TEXT NOT NULL REFERENCES project_type(code),
      subtype TEXT NOT NULL DEFAULT '',
      nature TEXT NOT NULL,
      town_code TEXT NOT NULL REFERENCES region(code),
      content TEXT NOT NULL DEFAULT '',
      subsidy_standard TEXT NOT NULL DEFAULT '',
      ${money('total_investment')},
      sector_dept TEXT NOT NULL DEFAULT '',
      impl_unit TEXT NOT NULL DEFAULT '',
      responsible_person TEXT NOT NULL DEFAULT '',
      responsible_phone TEXT NOT NULL DEFAULT '',
      beneficiary_targets TEXT NOT NULL DEFAULT '[]',
      beneficiary_villages INTEGER NOT NULL DEFAULT 0,
      beneficiary_poor_villages INTEGER NOT NULL DEFAULT 0,
      beneficiary_households INTEGER NOT NULL DEFAULT 0,
      beneficiary_persons INTEGER NOT NULL DEFAULT 0,
      poor_households INTEGER NOT NULL DEFAULT 0,
      poor_persons INTEGER NOT NULL DEFAULT 0,
      monitor_households INTEGER NOT NULL DEFAULT 0,
      monitor_persons INTEGER NOT NULL DEFAULT 0,
      jobs INTEGER,
      link_mechanism TEXT NOT NULL DEFAULT '',
      performance_goal TEXT NOT NULL DEFAULT '',
      plan_start TEXT,
      plan_end TEXT,
      forms_asset INTEGER NOT NULL DEFAULT 0,
      expected_asset_class TEXT NOT NULL DEFAULT '不形成资产',
      expected_owner TEXT NOT NULL DEFAULT '',
      land_use TEXT NOT NULL DEFAULT '',
      necessity TEXT NOT NULL DEFAULT '',
      opinion_collected_date TEXT,
      villager_meeting_date TEXT,
      settled_amount INTEGER CHECK (settled_amount IS NULL OR settled_amount >= 0),
      audited_amount INTEGER CHECK (audited_amount IS NULL OR audited_amount >= 0),
      remarks TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT '草稿',
      library_doc_no TEXT NOT NULL DEFAULT '',
      plan_doc_no TEXT NOT NULL DEFAULT '',
      actual_start TEXT,
      actual_end TEXT,
      acceptance_date TEXT,
      handover_date TEXT,
      search_key TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX project_year_town ON project(year, town_code);
    CREATE INDEX project_year_type ON project(year, type_code);
    CREATE INDEX project_year_status ON project(year, status);
    CREATE INDEX project_status_accept ON project(status, acceptance_date);

    CREATE TABLE project_village (
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      village_code TEXT NOT NULL REFERENCES region(code),
      PRIMARY KEY (project_id, village_code)
    );
    CREATE INDEX project_village_village ON project_village(village_code);

    CREATE TABLE project_fund_source (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      source_type TEXT NOT NULL,
      level TEXT,
      task_line TEXT NOT NULL DEFAULT '',
      integrated INTEGER NOT NULL DEFAULT 0,
      ${money('amount')},
      doc_no TEXT NOT NULL DEFAULT '',
      fund_year INTEGER,
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX project_fund_source_project ON project_fund_source(project_id);

    CREATE TABLE project_transition (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      date TEXT NOT NULL,
      doc_no TEXT NOT NULL DEFAULT '',
      actor TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      user TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX project_transition_project ON project_transition(project_id, id);
    CREATE INDEX project_transition_action_date ON project_transition(action, date, project_id);

    CREATE TABLE project_publicity (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      stage TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      objections TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      CHECK (end_date >= start_date)
    );
    CREATE INDEX project_publicity_project ON project_publicity(project_id, start_date);

    CREATE TABLE project_adjustment (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      change_type TEXT NOT NULL,
      before_json TEXT NOT NULL,
      after_json TEXT NOT NULL,
      approval_org TEXT NOT NULL DEFAULT '',
      approval_doc_no TEXT NOT NULL DEFAULT '',
      approval_date TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      user TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX project_adjustment_project ON project_adjustment(project_id, id);

    CREATE TABLE project_indicator (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
      sort INTEGER NOT NULL DEFAULT 0,
      level1 TEXT NOT NULL,
      level2 TEXT NOT NULL,
      name TEXT NOT NULL,
      operator TEXT NOT NULL,
      target_value TEXT NOT NULL,
      unit TEXT NOT NULL DEFAULT '',
      actual_value TEXT,
      weight REAL,
      score REAL
    );
    CREATE INDEX project_indicator_project ON project_indicator(project_id, sort);

    CREATE TABLE fund_doc (
      id INTEGER PRIMARY KEY,
      doc_no TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      doc_date TEXT NOT NULL,
      fund_year INTEGER NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('中央', '自治区', '盟市', '旗县')),
      fund_type TEXT NOT NULL,
      task_line TEXT NOT NULL DEFAULT '',
      integrated INTEGER NOT NULL DEFAULT 0,
      is_advance INTEGER NOT NULL DEFAULT 0,
      amount INTEGER NOT NULL CHECK (amount > 0),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX fund_doc_year_level ON fund_doc(fund_year, level, fund_type);
    CREATE INDEX fund_doc_no ON fund_doc(doc_no);

    CREATE TABLE fund_allocation (
      id INTEGER PRIMARY KEY,
      fund_doc_id INTEGER NOT NULL REFERENCES fund_doc(id),
      project_id INTEGER NOT NULL REFERENCES project(id),
      amount INTEGER NOT NULL CHECK (amount > 0),
      alloc_date TEXT,
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX fund_allocation_doc ON fund_allocation(fund_doc_id, project_id);
    CREATE INDEX fund_allocation_project ON fund_allocation(project_id, fund_doc_id);

    -- 拨付 (kind 拨付) and 支出 (kind 支出), each with its voucher
    CREATE TABLE fund_payment (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('拨付', '支出')),
      project_id INTEGER NOT NULL REFERENCES project(id),
      fund_doc_id INTEGER REFERENCES fund_doc(id),
      date TEXT NOT NULL,
      amount INTEGER NOT NULL CHECK (amount > 0),
      payee TEXT NOT NULL DEFAULT '',
      voucher_no TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX fund_payment_project ON fund_payment(project_id, kind, date);
    CREATE INDEX fund_payment_doc ON fund_payment(fund_doc_id, kind, date);

    ALTER TABLE asset ADD COLUMN project_id INTEGER REFERENCES project(id);
    CREATE INDEX asset_project ON asset(project_id);
    ALTER TABLE household_asset_line ADD COLUMN project_id INTEGER REFERENCES project(id);
    CREATE INDEX hal_project ON household_asset_line(project_id);
    `)
    const insert = db.prepare(
      `INSERT INTO project_type (code, name, valid_from_year, valid_to_year, is_industry, is_management_fee, forms_asset, subtypes_json, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    defaultProjectTypes.forEach((t, i) =>
      insert.run(t.code, t.name, t.from, t.to, t.industry ? 1 : 0, t.fee ? 1 : 0, t.formsAsset, JSON.stringify(t.subtypes), i + 1),
    )
  },
}
