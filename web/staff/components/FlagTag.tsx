import { useStaffPage } from '../context';

/** A flagged report's mark, in words (never colour alone): a possible flood, or not verified. */
export function FlagTag({ flag }: { flag: string | null }) {
  const { t } = useStaffPage();
  if (flag === 'flood') return <span class="tag flagged">{t('inbox.flood_tag')}</span>;
  if (flag === 'unverified') return <span class="tag flagged">{t('inbox.unverified_tag')}</span>;
  return null;
}
