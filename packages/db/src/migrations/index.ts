import type { Migration, MigrationProvider } from 'kysely';
import * as m20261126_1330 from './2026_11_26_1330_initial_schema.ts';
import * as m20261126_1500 from './2026_11_26_1500_case_workflow.ts';
import * as m20261126_1600 from './2026_11_26_1600_fine_sign_offs.ts';
import * as m20261126_1700 from './2026_11_26_1700_policies_immutable.ts';
import * as m20261126_1800 from './2026_11_26_1800_login_attempts.ts';
import * as m20261202_1000 from './2026_12_02_1000_one_case_model.ts';
import * as m20261202_1100 from './2026_12_02_1100_staff_assignments.ts';
import * as m20261202_1110 from './2026_12_02_1110_fine_supplements.ts';
import * as m20261202_1200 from './2026_12_02_1200_calendar_years.ts';
import * as m20261202_1210 from './2026_12_02_1210_accounts.ts';
import * as m20261202_1301 from './2026_12_02_1301_case_clock_flags.ts';
import * as m20261202_1400 from './2026_12_02_1400_revoke_unverified_complaint_records.ts';
import * as m20261202_1410 from './2026_12_02_1410_center_objection_contact.ts';
import * as m20261202_1500 from './2026_12_02_1500_attempt_checks.ts';
import * as m20261202_1510 from './2026_12_02_1510_separation_of_duties.ts';
import * as m20261202_1520 from './2026_12_02_1520_case_list_indexes.ts';
import * as m20261202_1600 from './2026_12_02_1600_patrol_sheets.ts';
import * as m20261202_1710 from './2026_12_02_1710_matter_codes.ts';
import * as m20261202_1720 from './2026_12_02_1720_org_admin.ts';
import * as m20261202_1750 from './2026_12_02_1750_cadre_reserve.ts';
import * as m20261202_1760 from './2026_12_02_1760_list_page_indexes.ts';
import * as m20261202_1770 from './2026_12_02_1770_session_devices.ts';
import * as m20261203_1820 from './2026_12_03_1820_service_rating_stages.ts';
import * as m20261203_1840 from './2026_12_03_1840_proposal_recheck.ts';
import * as m20261203_1860 from './2026_12_03_1860_person_record_pages.ts';

/** Static list of migrations (works under tsx, vitest and a bundler alike). Append, never edit. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_1330_initial_schema': m20261126_1330,
  '2026_11_26_1500_case_workflow': m20261126_1500,
  '2026_11_26_1600_fine_sign_offs': m20261126_1600,
  '2026_11_26_1700_policies_immutable': m20261126_1700,
  '2026_11_26_1800_login_attempts': m20261126_1800,
  '2026_12_02_1000_one_case_model': m20261202_1000,
  '2026_12_02_1100_staff_assignments': m20261202_1100,
  '2026_12_02_1110_fine_supplements': m20261202_1110,
  '2026_12_02_1200_calendar_years': m20261202_1200,
  '2026_12_02_1210_accounts': m20261202_1210,
  '2026_12_02_1301_case_clock_flags': m20261202_1301,
  '2026_12_02_1400_revoke_unverified_complaint_records': m20261202_1400,
  '2026_12_02_1410_center_objection_contact': m20261202_1410,
  '2026_12_02_1500_attempt_checks': m20261202_1500,
  '2026_12_02_1510_separation_of_duties': m20261202_1510,
  '2026_12_02_1600_patrol_sheets': m20261202_1600,
  '2026_12_02_1520_case_list_indexes': m20261202_1520,
  '2026_12_02_1710_matter_codes': m20261202_1710,
  '2026_12_02_1720_org_admin': m20261202_1720,
  '2026_12_02_1750_cadre_reserve': m20261202_1750,
  '2026_12_02_1760_list_page_indexes': m20261202_1760,
  '2026_12_02_1770_session_devices': m20261202_1770,
  '2026_12_03_1820_service_rating_stages': m20261203_1820,
  '2026_12_03_1840_proposal_recheck': m20261203_1840,
  '2026_12_03_1860_person_record_pages': m20261203_1860,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
