import type { Migration } from '../migrate'

export const foundation: Migration = {
  version: 1,
  name: '基础：区划、参数、变动记录',
  up: `
    CREATE TABLE region (
      code TEXT PRIMARY KEY CHECK (length(code) = 12 AND code NOT GLOB '*[^0-9]*'),
      parent_code TEXT REFERENCES region(code),
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      kind TEXT NOT NULL,
      is_former_poor_village INTEGER NOT NULL DEFAULT 0,
      is_key_village INTEGER NOT NULL DEFAULT 0,
      is_relocation_site INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1,
      merged_into TEXT REFERENCES region(code),
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
    CREATE INDEX region_parent ON region(parent_code, sort, code);

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
      user TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      entity_name TEXT,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
      summary TEXT,
      before_json TEXT,
      after_json TEXT
    );
    CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
  `,
}
