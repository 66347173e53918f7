/**
 * A municipality's case for its page (the ministry, the AMK of its region,
 * the municipality itself: `read_case`), gathered in one answer. The
 * page's form submits the account and plan through the case-work routes
 * (`POST /api/municipalities/{code}/accounts` and `…/recovery-plans`).
 */
import { Type } from 'typebox';
import { ofMunicipality } from '../../access/policy.js';
import { caseView } from '../../cases/views/case-view.js';
import { isoDateOf } from '../../core/calendar/iso-date.js';
import { rulesInForce } from '../../core/rules/rules-in-force.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { notFound } from '../http-error.js';
import type { TilsynApp } from '../tilsyn-app.js';

const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });
const CODE = Type.Object({ code: Type.Integer({ minimum: 101, maximum: 999 }) });

export function webCaseRoutes(app: TilsynApp, context: HttpContext): void {
  const known = (code: number) => {
    if (!context.municipalities.some((municipality) => municipality.code === code))
      throw notFound('Kommunen');
  };

  app.get(
    '/api/web/municipalities/:code/case',
    {
      schema: {
        tags: ['web'],
        summary: 'En kommunes sag: status, historik, afgørelser, frister, møder, kontakter, planer',
        params: CODE,
        response: { 200: VIEW },
      },
    },
    async (request) => {
      authorize(request, 'read_case', ofMunicipality(request.params.code));
      known(request.params.code);
      const now = context.now();
      const today = isoDateOf(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
      const noticeDays = rulesInForce(context.system.book, today).entry(
        'deadlines.meeting_notice_days',
      ).value;
      return caseView(context.database, request.params.code, { meetingNoticeDays: noticeDays });
    },
  );
}
