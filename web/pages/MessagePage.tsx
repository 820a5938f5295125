import { Layout } from '../components/Layout';
import { usePage } from '../components/page-context';
import type { MessageKey } from '../../shared/i18n/translate';

export interface MessageProps {
  titleKey: MessageKey;
  bodyKey: MessageKey;
}

/** A page that only says something: withdrawal done, a page not found, an error. */
export function MessagePage({ titleKey, bodyKey }: MessageProps) {
  const { t, href } = usePage();
  return (
    <Layout title={t(titleKey)}>
      <p class="lead">{t(bodyKey)}</p>
      <p class="actions">
        <a class="button" href={href('/')}>
          {t('layout.home')}
        </a>
      </p>
    </Layout>
  );
}
