/**
 * The web application's aggregated views, each one function of the figures
 * of the load in use (web-data.ts) and what the case database records:
 * the national overview, a municipality's measures, and the quarterly
 * status report with the AMK's contacts (Table 3).
 */
import type {
  AmkContactRecord,
  StatusReport,
} from '../../core/status-report/status-report-types.js';
import { statusReport } from '../../core/status-report/status-report.js';
import type { Database } from '../../storage/database.js';
import { ASSISTANCE_LABELS, listAmkContacts } from '../amk-contacts.js';
import { amkAlertsView, type AmkAlertsView, type AmkLatestContact } from './amk-alerts.js';
import { caseStatuses } from './case-statuses.js';
import { municipalityMeasures, type MunicipalityMeasures } from './municipality-measures.js';
import { overviewView } from './overview.js';
import type { OverviewResponse } from './overview-types.js';
import type { WebDataSource } from './web-data.js';

export async function nationalOverview(
  source: WebDataSource,
  database: Database,
  amk: string | null,
): Promise<OverviewResponse> {
  const data = await source.current();
  return overviewView({
    rules: source.rules,
    month: data.month,
    inputs: data.inputs,
    municipalities: data.municipalities,
    statuses: await caseStatuses(database),
    amk,
    source: data.source,
  });
}

/** A municipality's measures; undefined for a code that is not one of the municipalities. */
export async function measuresOfMunicipality(
  source: WebDataSource,
  code: number,
): Promise<MunicipalityMeasures | undefined> {
  const data = await source.current();
  const municipality = data.municipalities.find((candidate) => candidate.code === code);
  if (municipality === undefined) return undefined;
  return municipalityMeasures({
    rules: source.rules,
    month: data.month,
    inputs: data.inputs,
    municipality,
    personData: data.hasLoad,
  });
}

/** The AMK's latest record per municipality (a correction replaces what it corrects). */
async function amkContactRecords(database: Database): Promise<AmkContactRecord[]> {
  const rows = await database
    .selectFrom('amk_contacts')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const latest = new Map<number, AmkContactRecord>();
  for (const row of rows)
    latest.set(row.municipality_code, {
      municipality: row.municipality_code,
      firstContact: row.first_contact_date,
      wantsAssistance:
        row.wants_assistance === 'yes'
          ? 'ja'
          : row.wants_assistance === 'no'
            ? 'nej'
            : 'ikke_besluttet',
      mappingDone: row.mapping_done,
      effort: row.effort,
    });
  return [...latest.values()];
}

/** The quarterly status report of the web's month, with the contacts the AMKs have recorded. */
export async function webStatusReport(
  source: WebDataSource,
  database: Database,
): Promise<StatusReport> {
  const data = await source.current();
  return statusReport({
    rules: source.rules,
    month: data.month,
    inputs: data.inputs,
    municipalities: data.municipalities,
    contacts: await amkContactRecords(database),
    source: {
      focus: `indlæsning ${data.loadId}`,
      rates: `benchmarkmodellen (indlæsning ${data.loadId})`,
      loadId: data.loadId,
    },
  });
}

/** The AMK's latest contact per municipality (by the date of first contact; corrections replace). */
async function latestAmkContacts(database: Database): Promise<Map<number, AmkLatestContact>> {
  const latest = new Map<number, AmkLatestContact>();
  for (const row of await listAmkContacts({ database }))
    latest.set(row.municipality_code, {
      amk: row.amk,
      firstContactDate: row.first_contact_date,
      wantsAssistance: ASSISTANCE_LABELS[row.wants_assistance],
      mappingDone: row.mapping_done,
      effort: row.effort,
    });
  return latest;
}

/**
 * The early-effort alerts of the municipalities the caller may see
 * (`visible`, the policy's answer), limited to one AMK when `amk` is given.
 */
export async function amkAlerts(
  source: WebDataSource,
  database: Database,
  options: { readonly visible: (code: number) => boolean; readonly amk: string | null },
): Promise<AmkAlertsView> {
  const data = await source.current();
  return amkAlertsView({
    rules: source.rules,
    month: data.month,
    municipalities: data.municipalities,
    earlyEffort: data.earlyEffort,
    contacts: await latestAmkContacts(database),
    visible: options.visible,
    amk: options.amk,
    source: data.source,
  });
}
