import type { Migration } from '../migrate'

/**
 * Import (issue 5): the column mapping a user confirmed, remembered per kind and file layout (the
 * fingerprint of the header, see io/import/table/mapping.ts layoutSignature), and one row per
 * committed import batch (what came from which file; the audit rows name the batch).
 */
export const importMigration: Migration = {
  version: 5,
  name: '数据导入：记住的列对应、导入批次',
  up: `
    CREATE TABLE import_mapping (
      kind TEXT NOT NULL,
      signature TEXT NOT NULL,
      mapping_json TEXT NOT NULL,
      updated_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime')),
      PRIMARY KEY (kind, signature)
    ) WITHOUT ROWID;
    CREATE TABLE import_batch (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sheet_name TEXT NOT NULL DEFAULT '',
      rows_written INTEGER NOT NULL DEFAULT 0,
      warnings_accepted INTEGER NOT NULL DEFAULT 0,
      user TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
    );
  `,
}
