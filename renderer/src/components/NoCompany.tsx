import { useTranslation } from 'react-i18next';
import { buildHash } from '../lib/route';
import { Empty } from './States';

export function NoCompany() {
  const { t } = useTranslation();
  return (
    <Empty>
      <p>{t('common.noCompany')}</p>
      <a className="btn btn-primary" href={buildHash('companies')}>
        {t('common.goToCompanies')}
      </a>
    </Empty>
  );
}
