import { EVIDENCE_TOKEN_FIELD } from '../../shared/evidence';
import { formEntriesOf, type ReportFormValues } from '../../shared/report-form';
import type { FieldErrors } from '../components/fields';
import type { ReviewProps } from '../pages/ReviewPage';

export type ReviewAnswer =
  { kind: 'review'; review: ReviewProps } | { kind: 'invalid'; errors: FieldErrors } | { kind: 'failed' };

/**
 * The review screen's content for the form's values, from the same route the plain form posts to, asked for
 * as JSON: the anonymiser runs on the server only, and nothing is stored by asking.
 */
export async function requestReview(
  url: string,
  values: ReportFormValues,
  sendToken: string,
  evidenceToken: string | null = null,
): Promise<ReviewAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams([
        ...formEntriesOf(values),
        ['sendToken', sendToken],
        ...(evidenceToken ? [[EVIDENCE_TOKEN_FIELD, evidenceToken] as [string, string]] : []),
      ]),
    });
    if (response.status === 200) return { kind: 'review', review: (await response.json()).review };
    if (response.status === 422) return { kind: 'invalid', errors: (await response.json()).errors };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}
