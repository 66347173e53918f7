/**
 * The AMK's early-effort alerts (`/amk`): the municipalities of the user's
 * region (the ministry: every region, with a filter), alerted first, each
 * with why the alert rule of STAR's letter of 4 May 2021 is raised, since
 * when, the figures behind it and the latest recorded contact, and a link to
 * the municipality page's contact form.
 */
import { useState, type ReactNode } from 'react';
import type { AmkAlert, AmkAlertsView } from '../../cases/views/amk-alerts.js';
import { Data, Page } from '../components/page.js';
import {
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  municipalityLabel,
} from '../format.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';

export function AmkPage() {
  const { user } = useSession();
  const [amk, setAmk] = useState('');
  const query = amk === '' ? '' : `?amk=${encodeURIComponent(amk)}`;
  const loaded = useApi<AmkAlertsView>(`/api/web/amk/alerts${query}`);
  return (
    <Data loaded={loaded}>
      {(view) => (
        <AmkAlerts
          view={view}
          csv={`/api/web/amk/alerts${query === '' ? '?' : `${query}&`}format=csv`}
          filter={
            user?.role === 'ministry' ? (
              <div className="field">
                <label htmlFor="amk-filter">Arbejdsmarkedskontor</label>{' '}
                <select
                  id="amk-filter"
                  value={amk}
                  onChange={(event) => {
                    setAmk(event.target.value);
                  }}
                >
                  <option value="">Alle</option>
                  {view.amks.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null
          }
        />
      )}
    </Data>
  );
}

function AmkAlerts(props: {
  readonly view: AmkAlertsView;
  readonly csv: string;
  readonly filter: ReactNode;
}) {
  const { view } = props;
  const raised = view.municipalities.filter((municipality) => municipality.raised).length;
  const region = view.amk ?? (view.amks.length === 1 ? view.amks[0] : undefined);
  return (
    <Page
      title={`Varsler om den tidlige indsats${region === undefined ? '' : ` – ${region}`}`}
      lead={`${formatMonth(view.month)}: ${formatNumber(raised)} af ${formatNumber(view.municipalities.length)} kommuner har et varsel.`}
      actions={
        <a className="button" href={props.csv} download>
          Hent CSV (Excel)
        </a>
      }
    >
      {props.filter}
      {view.available ? null : (
        <p className="notice" role="status">
          {view.unavailableReason}
        </p>
      )}
      <section aria-labelledby="rule-heading">
        <h2 id="rule-heading">Reglen</h2>
        <p>{view.rule.text}</p>
        <blockquote>
          »{view.rule.quote}« <span className="small">({view.rule.citation})</span>
        </blockquote>
      </section>
      <div className="table-scroll">
        <table>
          <caption>Kommunerne med varsel først ({formatMonth(view.month)})</caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col">Varsel</th>
              <th scope="col">Hvorfor</th>
              <th scope="col">Seneste AMK-kontakt</th>
              <th scope="col">Handling</th>
            </tr>
          </thead>
          <tbody>
            {view.municipalities.map((municipality) => (
              <tr key={municipality.code}>
                <th scope="row">
                  <Link to={`/kommuner/${String(municipality.code)}`}>
                    {municipalityLabel(municipality)}
                  </Link>
                  <div className="small">{municipality.amk}</div>
                </th>
                <td>
                  <span className={`outcome ${municipality.raised ? 'missed' : 'met'}`}>
                    {municipality.raised
                      ? `Ja, siden ${formatMonth(municipality.raisedSince ?? view.month)}`
                      : 'Nej'}
                  </span>
                </td>
                <td>
                  {municipality.alerts.length === 0 ? (
                    view.available ? (
                      'Minimumskravene er opfyldt.'
                    ) : (
                      '–'
                    )
                  ) : (
                    <ul className="plain">
                      {municipality.alerts.map((alert) => (
                        <AlertItem key={`${alert.group}-${alert.requirement}`} alert={alert} />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {municipality.latestContact === null ? (
                    'Ingen registreret'
                  ) : (
                    <>
                      {formatDate(municipality.latestContact.firstContactDate)}
                      <div className="small">
                        Ønsker bistand: {municipality.latestContact.wantsAssistance}; afdækning{' '}
                        {municipality.latestContact.mappingDone ? 'foretaget' : 'ikke foretaget'}
                      </div>
                    </>
                  )}
                </td>
                <td>
                  <Link to={`/kommuner/${String(municipality.code)}#kontakt`}>
                    Registrér kontakt
                    <span className="visually-hidden"> med {municipality.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">{view.source}</p>
    </Page>
  );
}

function AlertItem({ alert }: { readonly alert: AmkAlert }) {
  const latest = alert.months[alert.months.length - 1];
  return (
    <li>
      <strong>
        {alert.stateLabel}: {alert.groupLabel}, {alert.requirementLabel.toLowerCase()}
      </strong>
      {latest === undefined ? null : (
        <span className="small">
          {' '}
          ({formatPercent(latest.share)} % af {formatNumber(latest.cohort)} i{' '}
          {formatMonth(latest.month)})
        </span>
      )}
      <div className="small">{alert.reason}</div>
    </li>
  );
}
