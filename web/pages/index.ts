import type { ComponentType } from 'preact';
import { AssistantPage } from './AssistantPage';
import { LandingPage } from './LandingPage';
import { MessagePage } from './MessagePage';
import { ReceiptLookupPage } from './ReceiptLookupPage';
import { ReceiptStatusPage } from './ReceiptStatusPage';
import { ReportFormPage } from './ReportFormPage';
import { ReviewPage } from './ReviewPage';
import { SentPage } from './SentPage';
import { StatisticsPage } from './StatisticsPage';

/** Every page by name: the server renders one, the browser hydrates the same one with the same props. */
export const pages = {
  landing: LandingPage,
  report: ReportFormPage,
  assistant: AssistantPage,
  review: ReviewPage,
  sent: SentPage,
  receiptLookup: ReceiptLookupPage,
  receiptStatus: ReceiptStatusPage,
  message: MessagePage,
  statistics: StatisticsPage,
} satisfies Record<string, ComponentType<never>>;

export type PageName = keyof typeof pages;
export type PropsOf<N extends PageName> = NonNullable<Parameters<(typeof pages)[N]>[0]>;
