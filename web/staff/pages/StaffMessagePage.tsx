import { translateStaffKey, type StaffMessageKey } from '../../../shared/i18n/staff/catalog';
import { useStaffPage } from '../context';
import { StaffLayout } from '../components/StaffLayout';

export interface StaffMessageProps {
  titleKey: StaffMessageKey;
  bodyKey: string;
  fields?: Record<string, string>;
}

export function StaffMessagePage({ titleKey, bodyKey, fields }: StaffMessageProps) {
  const { t } = useStaffPage();
  const details = Object.values(fields ?? {});
  return (
    <StaffLayout title={t(titleKey)}>
      <div class="card">
        <p role="alert">{translateStaffKey(t, bodyKey)}</p>
        {details.length > 0 && (
          <ul>
            {details.map((key) => (
              <li key={key}>{translateStaffKey(t, key)}</li>
            ))}
          </ul>
        )}
        <p>
          <a href="/staff">{t('staff.back_home')}</a>
        </p>
      </div>
    </StaffLayout>
  );
}
