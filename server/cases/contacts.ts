import type { ReportContact } from '../../shared/report';
import type { Sealer } from '../crypto/sealing';

/**
 * The context sealed into a contact: it opens only for the report it was stored with. The report's receipt
 * hash names it before the database has given it an id, so the contact can be written in the same batch.
 */
const contextOf = (receiptHash: string) => `contact:${receiptHash}`;

export function sealContact(sealer: Sealer, receiptHash: string, contact: ReportContact): string {
  return sealer.seal(JSON.stringify(contact), contextOf(receiptHash));
}

/** The reporter's notice address: sealed the same way, under its own context, so that neither opens as the other. */
const noticeContextOf = (receiptHash: string) => `notice:${receiptHash}`;

export function sealNoticeAddress(sealer: Sealer, receiptHash: string, address: string): string {
  return sealer.seal(address, noticeContextOf(receiptHash));
}

export function openNoticeAddress(sealer: Sealer, receiptHash: string, sealed: string): string | null {
  return sealer.open(sealed, noticeContextOf(receiptHash));
}

/** The contact, or null when it cannot be opened (e.g. the key was replaced): shown as "unreadable". */
export function openContact(sealer: Sealer, receiptHash: string, sealed: string): ReportContact | null {
  const json = sealer.open(sealed, contextOf(receiptHash));
  return json ? (JSON.parse(json) as ReportContact) : null;
}
