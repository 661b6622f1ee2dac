import { useSyncExternalStore } from 'react';
import { routeFromHash } from './routes';
import type { RouteId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The area named by the address's hash (`#/bank`); links are plain `<a href="#/bank">`. */
export function useHashRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}
