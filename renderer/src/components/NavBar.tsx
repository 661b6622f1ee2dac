import { useTranslation } from 'react-i18next';
import { useChartsPrimer } from '../charts/charts-queries';
import { ROUTE_IDS, routeHref } from '../routing/routes';
import type { RouteId } from '../routing/routes';

/** The areas, in the order a month's work goes through them. */
export function NavBar({ current }: { current: RouteId }) {
  const { t } = useTranslation();
  // A press on 图表 starts the Charts page's calls before the click lands (see useChartsPrimer).
  const primeCharts = useChartsPrimer();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {ROUTE_IDS.map((id) => (
          <li key={id}>
            <a
              href={routeHref(id)}
              aria-current={id === current ? 'page' : undefined}
              data-route={id}
              onPointerDown={id === 'charts' ? primeCharts : undefined}
            >
              {t(`nav.${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
