import { rebuildHouseholdDerived } from '../../services/households/keys'
import type { Migration } from '../migrate'

/**
 * The columns a line summary cell is keyed by, in the order of its primary key. A cell is added to or
 * taken from; it is deleted only when nothing is left in it at all (n, amount and quantity zero):
 * triggers nested in one UPDATE (the line's own, then the copy of its household's fields) may pass
 * through a cell with n = 0 that still holds an amount.
 */
const cell = 'town_code, project_year, subtype_code, fund_source, current_status, attribute'
const add = (row: 'NEW' | 'OLD', sign: '' | '-') => `
      INSERT INTO hal_summary (${cell}, n, amount, quantity)
      VALUES (${row}.town_code, ${row}.project_year, ${row}.subtype_code, ${row}.fund_source, ${row}.current_status, ${row}.attribute,
        ${sign}1, ${sign}${row}.amount, ${sign}${row}.quantity)
      ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, quantity = quantity + excluded.quantity;
      DELETE FROM hal_summary WHERE n = 0 AND amount = 0 AND abs(quantity) < 1e-9 AND town_code = ${row}.town_code AND project_year = ${row}.project_year
        AND subtype_code = ${row}.subtype_code AND fund_source = ${row}.fund_source AND current_status = ${row}.current_status AND attribute = ${row}.attribute;`

/**
 * The household roster at scale (200,000 households, 1,000,000 lines; see services/households/):
 *
 * - household: a pinyin sort key, the text its search terms were made from (`search_source`), whether
 *   they are current (`keys_ok`: 0 for a row written by raw SQL or renamed behind the services' back),
 *   and its line count and amount (kept by triggers).
 * - household_term: the search terms (name and initials from each position, household code, reversed
 *   ID number and code for "ends with"), found by prefix. Terms are deleted by recomputing them from
 *   `search_source`, so they need no index by household.
 * - household_asset_line: the household's sort key and attribute copied onto each line, and its
 *   town and village kept equal to the household's (by triggers, so raw SQL writers stay consistent).
 * - hal_summary: count, Σ amount and Σ quantity per (town, year, sub-type, fund source, status,
 *   attribute), kept by triggers: totals of those filters read the cells, not a million lines.
 * - household_ledger_state: the lines the summary triggers counted (a bulk load with the triggers set
 *   aside is noticed by comparing it with count(*)).
 * - hal_main: a covering index led by the summary's key, then the village, amount, quantity and the
 *   sort keys: the summary cells a filter matches are exactly the ranges to read, so any filter
 *   without a village, household, asset or text part is counted and paged from this index alone,
 *   stepping over only the lines that match. hal_village does the same for a village (the summary has
 *   no village), hal_household for one household or a text search; narrow indexes let a page walk a
 *   sort order when most lines match.
 */
export const householdSearch: Migration = {
  version: 3,
  name: '农户与到户资产：查找、排序、汇总与大批量台账的索引',
  up: (db) => {
    db.exec(`
    ALTER TABLE household ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE household ADD COLUMN search_source TEXT NOT NULL DEFAULT '';
    ALTER TABLE household ADD COLUMN keys_ok INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE household ADD COLUMN line_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE household ADD COLUMN amount_total INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE household_asset_line ADD COLUMN head_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE household_asset_line ADD COLUMN attribute TEXT NOT NULL DEFAULT '';

    CREATE TABLE household_term (
      term TEXT NOT NULL,
      household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
      PRIMARY KEY (term, household_id)
    ) WITHOUT ROWID;

    -- The lines the summary triggers counted: count(*) differs after a load with the triggers set aside.
    CREATE TABLE household_ledger_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      lines INTEGER NOT NULL
    );
    INSERT INTO household_ledger_state (id, lines) VALUES (1, 0);

    CREATE TABLE hal_summary (
      town_code TEXT NOT NULL,
      project_year INTEGER NOT NULL,
      subtype_code TEXT NOT NULL,
      fund_source TEXT NOT NULL,
      current_status TEXT NOT NULL,
      attribute TEXT NOT NULL,
      n INTEGER NOT NULL,
      amount INTEGER NOT NULL,
      quantity REAL NOT NULL,
      PRIMARY KEY (${cell})
    ) WITHOUT ROWID;

    DROP INDEX IF EXISTS hal_village_id;
    DROP INDEX IF EXISTS hal_town_year;
    DROP INDEX IF EXISTS hal_year_subtype;
    DROP INDEX IF EXISTS household_town;
    CREATE INDEX household_keys_pending ON household(id) WHERE keys_ok = 0;
    `)

    // Existing households and lines get their keys, copies, totals and summary before the indexes and triggers exist.
    rebuildHouseholdDerived(db)
    db.exec(`

    CREATE INDEX household_sort ON household(sort_key);
    CREATE INDEX household_list ON household(town_code, village_code, sort_key, attribute, size, amount_total);
    CREATE INDEX household_attribute ON household(attribute, sort_key);
    CREATE INDEX household_amount ON household(amount_total);
    CREATE INDEX household_code ON household(household_code) WHERE household_code IS NOT NULL;

    DROP INDEX IF EXISTS hal_household;
    CREATE INDEX hal_household ON household_asset_line(household_id, project_year, subtype_code, fund_source, current_status, amount, quantity, issue_date, item);
    CREATE INDEX hal_main ON household_asset_line(${cell}, village_code, amount, quantity, issue_date, item, head_key);
    CREATE INDEX hal_village ON household_asset_line(town_code, village_code, project_year, subtype_code, fund_source, current_status, attribute,
      amount, quantity, head_key, issue_date, item);
    CREATE INDEX hal_year_sort ON household_asset_line(project_year);
    CREATE INDEX hal_head ON household_asset_line(head_key);
    CREATE INDEX hal_issue ON household_asset_line(issue_date);
    CREATE INDEX hal_item ON household_asset_line(item);
    CREATE INDEX hal_amount ON household_asset_line(amount);

    -- Per-household line count and amount.
    CREATE TRIGGER hal_count_insert AFTER INSERT ON household_asset_line BEGIN
      UPDATE household SET line_count = line_count + 1, amount_total = amount_total + NEW.amount WHERE id = NEW.household_id;
    END;
    CREATE TRIGGER hal_count_delete AFTER DELETE ON household_asset_line BEGIN
      UPDATE household SET line_count = line_count - 1, amount_total = amount_total - OLD.amount WHERE id = OLD.household_id;
    END;
    CREATE TRIGGER hal_count_update AFTER UPDATE OF household_id, amount ON household_asset_line BEGIN
      UPDATE household SET line_count = line_count - 1, amount_total = amount_total - OLD.amount WHERE id = OLD.household_id;
      UPDATE household SET line_count = line_count + 1, amount_total = amount_total + NEW.amount WHERE id = NEW.household_id;
    END;

    -- The summary cells.
    CREATE TRIGGER hal_summary_insert AFTER INSERT ON household_asset_line BEGIN ${add('NEW', '')}
      UPDATE household_ledger_state SET lines = lines + 1;
    END;
    CREATE TRIGGER hal_summary_delete AFTER DELETE ON household_asset_line BEGIN ${add('OLD', '-')}
      UPDATE household_ledger_state SET lines = lines - 1;
    END;

    CREATE TRIGGER hal_summary_update AFTER UPDATE OF ${cell}, amount, quantity ON household_asset_line BEGIN ${add('OLD', '-')} ${add('NEW', '')}
    END;

    -- A line carries its household's sort key, attribute, town and village.
    CREATE TRIGGER hal_head_insert AFTER INSERT ON household_asset_line BEGIN
      UPDATE household_asset_line SET head_key = h.sort_key, attribute = h.attribute, town_code = h.town_code, village_code = h.village_code
        FROM household h
        WHERE h.id = NEW.household_id AND household_asset_line.id = NEW.id
          AND (NEW.head_key IS NOT h.sort_key OR NEW.attribute IS NOT h.attribute OR NEW.town_code IS NOT h.town_code OR NEW.village_code IS NOT h.village_code);
    END;
    CREATE TRIGGER hal_head_update AFTER UPDATE OF household_id ON household_asset_line BEGIN
      UPDATE household_asset_line SET head_key = h.sort_key, attribute = h.attribute, town_code = h.town_code, village_code = h.village_code
        FROM household h WHERE h.id = NEW.household_id AND household_asset_line.id = NEW.id;
    END;
    CREATE TRIGGER household_to_lines AFTER UPDATE OF sort_key, attribute, town_code, village_code ON household
      WHEN NEW.sort_key IS NOT OLD.sort_key OR NEW.attribute IS NOT OLD.attribute OR NEW.town_code IS NOT OLD.town_code OR NEW.village_code IS NOT OLD.village_code BEGIN
      UPDATE household_asset_line SET head_key = NEW.sort_key, attribute = NEW.attribute, town_code = NEW.town_code, village_code = NEW.village_code
        WHERE household_id = NEW.id
          AND (head_key IS NOT NEW.sort_key OR attribute IS NOT NEW.attribute OR town_code IS NOT NEW.town_code OR village_code IS NOT NEW.village_code);
    END;
    -- Name, code or ID changed without new search terms (raw SQL): mark the keys stale for refreshHouseholdKeys.
    CREATE TRIGGER household_keys_stale AFTER UPDATE OF head_name, household_code, id_no ON household
      WHEN NEW.search_source IS NOT (NEW.head_name || char(9) || coalesce(NEW.household_code, '') || char(9) || NEW.id_no) BEGIN
      UPDATE household SET keys_ok = 0 WHERE id = NEW.id;
    END;
    `)
  },
}
