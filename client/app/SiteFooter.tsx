import { useTranslation } from 'react-i18next';

/**
 * Every page's footer: the accessibility statement, as Danish law asks of public-sector
 * sites (in the page's language). Embedded in another site, it opens in a new tab.
 */
export function SiteFooter({ embedded }: { embedded: boolean }) {
  const { t, i18n } = useTranslation();
  const href = i18n.language === 'en' ? '/accessibility' : '/tilgaengelighed';
  return (
    <footer className="site-footer">
      <a href={href} {...(embedded ? { target: '_blank', rel: 'noopener' } : {})}>
        {t('site.footer.accessibility')}
      </a>
    </footer>
  );
}
