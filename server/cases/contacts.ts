import type { ReportContact } from '../../shared/report';
import type { Sealer } from '../crypto/sealing';

/** The context sealed into a contact: it opens only for the report it was stored with. */
const contextOf = (reportId: number) => `contact:${reportId}`;

export function sealContact(sealer: Sealer, reportId: number, contact: ReportContact): string {
  return sealer.seal(JSON.stringify(contact), contextOf(reportId));
}

/** The contact, or null when it cannot be opened (e.g. the key was replaced): shown as "unreadable". */
export function openContact(sealer: Sealer, reportId: number, sealed: string): ReportContact | null {
  const json = sealer.open(sealed, contextOf(reportId));
  return json ? (JSON.parse(json) as ReportContact) : null;
}
