import { Layout } from '../components/Layout';
import { CounsellingList, EmergencyBox } from '../components/HelpContacts';
import { usePage } from '../components/page-context';

export function LandingPage(_props: Record<string, never>) {
  const { t, href, office } = usePage();
  return (
    <Layout title={t('landing.title')}>
      <p class="lead">{t('landing.lead')}</p>
      <p class="actions">
        <a class="button primary" href={href('/assistant')}>
          {t('landing.start_assistant')}
        </a>
        <a class="button primary" href={href('/report')}>
          {t('landing.start_form')}
        </a>
        <a class="button" href={href('/receipt')}>
          {t('landing.have_code')}
        </a>
      </p>
      <EmergencyBox />
      <section class="card">
        <h2>{t('landing.what_title')}</h2>
        <ul>
          <li>{t('landing.what_1')}</li>
          <li>{t('landing.what_2')}</li>
          <li>{t('landing.what_3')}</li>
          <li>{t('landing.what_4')}</li>
        </ul>
        <p>{t('landing.what_note')}</p>
      </section>
      <section class="card">
        <h2>{t('landing.anonymity_title')}</h2>
        <ul>
          <li>{t('landing.anonymity_1')}</li>
          <li>{t('landing.anonymity_2')}</li>
          <li>{t('landing.anonymity_3')}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="safety-title">
        <h2 id="safety-title">{t('landing.safety_title')}</h2>
        <ul>
          <li>{t('landing.safety_exit')}</li>
          <li>{t('landing.safety_draft')}</li>
          <li>{t('landing.safety_history')}</li>
          <li>{t('landing.safety_private')}</li>
        </ul>
      </section>
      <section class="card">
        <h2>{t('landing.next_title')}</h2>
        <ol>
          <li>{t('landing.next_1')}</li>
          <li>{t('landing.next_2', { office: office.name })}</li>
          <li>{t('landing.next_3', { region: office.region })}</li>
        </ol>
      </section>
      <CounsellingList />
    </Layout>
  );
}
