import { defaultSubtypes } from '../../domain/asset-enums'
import type { Migration } from '../migrate'

const money = (name: string) => `${name} INTEGER NOT NULL DEFAULT 0 CHECK (${name} >= 0)`

export const assetsAndHouseholds: Migration = {
  version: 2,
  name: '三本账：资产、资金来源、确权、移交、管护、运营、农户与到户资产',
  up: (db) => {
    db.exec(`
    CREATE TABLE dict (
      type TEXT NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      extra TEXT,
      sort INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (type, code)
    );

    CREATE TABLE org (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      org_type TEXT NOT NULL,
      uscc TEXT,
      region_code TEXT REFERENCES region(code),
      contact TEXT,
      phone TEXT,
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      UNIQUE (name, org_type)
    );

    CREATE TABLE code_counter (
      scope TEXT PRIMARY KEY,
      last_value INTEGER NOT NULL
    );

    CREATE TABLE asset (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      external_code TEXT,
      name TEXT NOT NULL,
      class TEXT NOT NULL CHECK (class IN ('公益类', '经营类', '到户类')),
      subtype_code TEXT NOT NULL,
      form TEXT NOT NULL,
      property_nature TEXT NOT NULL,
      spec TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL,
      quantity REAL NOT NULL DEFAULT 0 CHECK (quantity >= 0),
      ${money('original_value')},
      ${money('total_investment')},
      ${money('acc_depreciation')},
      net_value INTEGER CHECK (net_value IS NULL OR net_value >= 0),
      project_name TEXT NOT NULL DEFAULT '',
      project_code TEXT NOT NULL DEFAULT '',
      fund_year INTEGER NOT NULL,
      fund_doc_no TEXT NOT NULL DEFAULT '',
      town_code TEXT NOT NULL REFERENCES region(code),
      village_code TEXT REFERENCES region(code),
      group_name TEXT NOT NULL DEFAULT '',
      location TEXT NOT NULL DEFAULT '',
      longitude REAL,
      latitude REAL,
      sector_dept TEXT NOT NULL DEFAULT '',
      impl_unit TEXT NOT NULL DEFAULT '',
      start_date TEXT,
      completion_date TEXT,
      acceptance_date TEXT,
      in_use_date TEXT,
      handover_date TEXT,
      handover_doc_no TEXT,
      confirm_level TEXT NOT NULL,
      confirm_date TEXT,
      cert_no TEXT,
      status TEXT NOT NULL DEFAULT '正常',
      status_note TEXT NOT NULL DEFAULT '',
      revitalize_measures TEXT NOT NULL DEFAULT '',
      beneficiary_households INTEGER NOT NULL DEFAULT 0 CHECK (beneficiary_households >= 0),
      beneficiary_persons INTEGER NOT NULL DEFAULT 0 CHECK (beneficiary_persons >= 0),
      poor_households INTEGER NOT NULL DEFAULT 0 CHECK (poor_households >= 0),
      poor_persons INTEGER NOT NULL DEFAULT 0 CHECK (poor_persons >= 0),
      monitor_households INTEGER NOT NULL DEFAULT 0 CHECK (monitor_households >= 0),
      monitor_persons INTEGER NOT NULL DEFAULT 0 CHECK (monitor_persons >= 0),
      beneficiary_villages INTEGER,
      remarks TEXT NOT NULL DEFAULT '',
      parent_asset_id INTEGER REFERENCES asset(id),
      historic INTEGER NOT NULL DEFAULT 0,
      completeness INTEGER NOT NULL DEFAULT 0,
      -- name, project name and the pinyin initials of the name, lower-case, for the ledger's text search
      search_key TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX asset_class_code ON asset(class, code);
    CREATE INDEX asset_class_town ON asset(class, town_code, village_code);
    CREATE INDEX asset_class_year ON asset(class, fund_year);
    CREATE INDEX asset_class_status ON asset(class, status);

    CREATE TABLE asset_fund_source (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      source_type TEXT NOT NULL,
      level TEXT,
      task_line TEXT NOT NULL DEFAULT '',
      integrated INTEGER NOT NULL DEFAULT 0,
      ${money('amount')},
      doc_no TEXT NOT NULL DEFAULT '',
      fund_year INTEGER,
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX asset_fund_source_asset ON asset_fund_source(asset_id);
    CREATE INDEX asset_fund_source_type ON asset_fund_source(source_type, asset_id);

    CREATE TABLE asset_owner_share (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      owner_org_id INTEGER NOT NULL REFERENCES org(id),
      share_bp INTEGER NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
      ${money('share_amount')},
      UNIQUE (asset_id, owner_org_id)
    );
    CREATE INDEX asset_owner_share_owner ON asset_owner_share(owner_org_id);

    CREATE TABLE asset_handover (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      handover_date TEXT NOT NULL,
      from_unit TEXT NOT NULL,
      to_org_id INTEGER NOT NULL REFERENCES org(id),
      supervisor_unit TEXT NOT NULL DEFAULT '',
      doc_no TEXT NOT NULL DEFAULT '',
      items_json TEXT NOT NULL DEFAULT '[]',
      documents_json TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX asset_handover_asset ON asset_handover(asset_id);

    CREATE TABLE asset_custody (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      custodian_org_id INTEGER NOT NULL REFERENCES org(id),
      person TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      is_public_post INTEGER NOT NULL DEFAULT 0,
      mode TEXT NOT NULL,
      budget_per_year INTEGER,
      budget_source TEXT NOT NULL DEFAULT '',
      from_date TEXT NOT NULL,
      to_date TEXT,
      active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX asset_custody_asset ON asset_custody(asset_id, active);
    CREATE UNIQUE INDEX asset_custody_one_active ON asset_custody(asset_id) WHERE active = 1;

    CREATE TABLE asset_maintenance (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      record_date TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('巡查', '维修', '养护')),
      content TEXT NOT NULL,
      cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
      payer TEXT NOT NULL DEFAULT '',
      person TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX asset_maintenance_asset ON asset_maintenance(asset_id, record_date);

    CREATE TABLE asset_operation (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      operator_org_id INTEGER NOT NULL REFERENCES org(id),
      mode TEXT NOT NULL,
      decision_type TEXT NOT NULL DEFAULT '',
      decision_date TEXT,
      filed_with TEXT NOT NULL DEFAULT '',
      contract_no TEXT NOT NULL DEFAULT '',
      contract_start TEXT,
      contract_end TEXT,
      agreed_income INTEGER CHECK (agreed_income IS NULL OR agreed_income >= 0),
      collateral TEXT NOT NULL DEFAULT '',
      equity_bp INTEGER CHECK (equity_bp IS NULL OR equity_bp BETWEEN 0 AND 10000),
      claim_principal INTEGER CHECK (claim_principal IS NULL OR claim_principal >= 0),
      claim_due_date TEXT,
      link_mechanism TEXT NOT NULL DEFAULT '',
      jobs INTEGER,
      active INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX asset_operation_asset ON asset_operation(asset_id, active);

    CREATE TABLE asset_status_history (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
      from_status TEXT,
      to_status TEXT NOT NULL,
      change_date TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      measures TEXT NOT NULL DEFAULT '',
      doc_no TEXT NOT NULL DEFAULT '',
      user TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX asset_status_history_asset ON asset_status_history(asset_id, id);

    CREATE TABLE attachment (
      id INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      category TEXT NOT NULL,
      file_name TEXT NOT NULL,
      stored_path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      doc_no TEXT NOT NULL DEFAULT '',
      doc_date TEXT,
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX attachment_entity ON attachment(entity, entity_id);

    CREATE TABLE household (
      id INTEGER PRIMARY KEY,
      household_code TEXT,
      head_name TEXT NOT NULL,
      id_no TEXT NOT NULL UNIQUE CHECK (length(id_no) = 18),
      size INTEGER NOT NULL CHECK (size >= 1),
      attribute TEXT NOT NULL,
      risk_eliminated INTEGER,
      exit_year INTEGER,
      town_code TEXT NOT NULL REFERENCES region(code),
      village_code TEXT NOT NULL REFERENCES region(code),
      group_name TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      bank_account TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX household_village ON household(village_code, head_name);
    CREATE INDEX household_town ON household(town_code, village_code);

    CREATE TABLE household_asset_line (
      id INTEGER PRIMARY KEY,
      household_id INTEGER NOT NULL REFERENCES household(id),
      asset_id INTEGER REFERENCES asset(id),
      project_name TEXT NOT NULL,
      project_code TEXT NOT NULL DEFAULT '',
      project_year INTEGER NOT NULL,
      item TEXT NOT NULL,
      subtype_code TEXT NOT NULL,
      spec TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL,
      quantity REAL NOT NULL CHECK (quantity >= 0),
      ${money('standard')},
      ${money('amount')},
      ${money('self_raised')},
      fund_source TEXT NOT NULL,
      issue_method TEXT NOT NULL,
      issue_date TEXT NOT NULL,
      tag_no TEXT NOT NULL DEFAULT '',
      current_quantity REAL,
      current_status TEXT NOT NULL DEFAULT '在养/正常使用',
      town_code TEXT NOT NULL REFERENCES region(code),
      village_code TEXT NOT NULL REFERENCES region(code),
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX hal_village_id ON household_asset_line(village_code, id);
    CREATE INDEX hal_town_year ON household_asset_line(town_code, project_year, id);
    CREATE INDEX hal_household ON household_asset_line(household_id);
    CREATE INDEX hal_asset ON household_asset_line(asset_id);
    CREATE INDEX hal_year_subtype ON household_asset_line(project_year, subtype_code, id);
    `)
    const insert = db.prepare("INSERT INTO dict (type, code, name, extra, sort) VALUES ('asset_subtype', ?, ?, ?, ?)")
    defaultSubtypes.forEach((s, i) => insert.run(s.code, s.name, JSON.stringify({ unit: s.unit }), i + 1))
  },
}
