import type { InboxQuery } from '../../shared/staff';
import { OPEN_STATUSES, type CodedDimension } from '../../shared/taxonomy';
import type { Actor } from '../audit/log';
import { isoDay } from '../clock';
import type { InboxFilter } from './inbox-repo';
import { searchTerms } from './search';

/** From what the inbox's form asked to what the query needs: "me" is the actor, "overdue" a cut-off day. */
export function inboxFilterOf(query: InboxQuery, actor: Actor, now: Date): InboxFilter {
  const codes: InboxFilter['codes'] = [];
  const code = (dimension: CodedDimension, value: string | undefined) => {
    if (value) codes.push({ dimension, code: value });
  };
  code('ground', query.ground);
  code('racism_form', query.racismForm);
  code('life_domain', query.lifeDomain);
  code('incident_form', query.incidentForm);
  const cutoff = new Date(now);
  cutoff.setUTCDate(cutoff.getUTCDate() - 7);
  return {
    ...(query.status ? { statuses: query.status === 'open' ? OPEN_STATUSES : [query.status] } : {}),
    codes,
    ...(query.municipality === 'online'
      ? { online: true }
      : query.municipality
        ? { municipality: query.municipality }
        : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.from ? { receivedFrom: query.from } : {}),
    ...(query.to ? { receivedTo: query.to } : {}),
    urgent: query.urgent,
    supportWanted: query.contact,
    unreadMessages: query.unread,
    withEvidence: query.evidence,
    ...(query.overdue ? { unacknowledgedBefore: isoDay(cutoff) } : {}),
    ...(query.assignee === 'me'
      ? { assignee: actor.id ?? 'none' }
      : query.assignee
        ? { assignee: query.assignee }
        : {}),
    ...(query.flag ? { flag: query.flag } : {}),
    ...(query.group ? { textGroup: query.group } : {}),
    searchTerms: query.q ? searchTerms(query.q) : [],
  };
}
