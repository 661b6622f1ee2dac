/**
 * The areas of the app, in navigation order. Adding an area = one id here, its catalogue entries
 * (`nav.<id>`, `<id>.title`) and its page in pages/registry.ts.
 */
export const ROUTE_IDS = [
  'overview',
  'import',
  'transactions',
  'bank',
  'reconcile',
  'charts',
  'disputes',
  'close',
  'reports',
  'settings',
] as const;

export type RouteId = (typeof ROUTE_IDS)[number];

export const DEFAULT_ROUTE: RouteId = 'overview';

/** Areas that show something without an open book; the others show the welcome screen instead. */
export const ROUTES_WITHOUT_BOOK: ReadonlySet<RouteId> = new Set<RouteId>(['settings']);

export function isRouteId(value: string): value is RouteId {
  return (ROUTE_IDS as readonly string[]).includes(value);
}

/** `#/transactions` → 'transactions'; anything unknown → the overview. */
export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRouteId(id) ? id : DEFAULT_ROUTE;
}

export function routeHref(id: RouteId): string {
  return `#/${id}`;
}
