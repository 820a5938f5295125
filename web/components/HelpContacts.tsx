import { usePage } from './page-context';

/** Emergency numbers first, then counselling: shown on the landing page and wherever someone may be in danger. */
export function EmergencyBox() {
  const { t, office } = usePage();
  return (
    <section class="emergency" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{t('landing.emergency_title')}</h2>
      <p>{t('landing.emergency_body')}</p>
      <ul class="emergency-numbers">
        {office.emergency.map((e) => (
          <li key={e.number}>
            <a href={`tel:${e.number}`} class="call">
              <span class="number" dir="ltr">
                {e.number}
              </span>{' '}
              <span class="label">{e.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CounsellingList() {
  const { t, office } = usePage();
  return (
    <section class="card" aria-labelledby="counselling-title">
      <h2 id="counselling-title">{t('landing.counselling_title')}</h2>
      <p>{t('landing.counselling_body')}</p>
      <ul class="contacts">
        {office.counselling.map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong>
            <p>{c.description}</p>
            {c.phone && (
              <p>
                <a href={`tel:${c.phone.replace(/\s/g, '')}`} dir="ltr">
                  {c.phone}
                </a>
              </p>
            )}
            {c.url && (
              <p>
                <a href={c.url} rel="noreferrer noopener" dir="ltr">
                  {c.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
