const STORAGE_KEY = 'feetrail.token';

/**
 * The host's access token. It arrives once in the address (`?token=…`); it is kept in sessionStorage
 * (gone when the tab closes) and removed from the address bar, so it does not end up in bookmarks,
 * screenshots or the history.
 */
export function takeWebToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Without storage a reload loses the token; the page then explains how to get a new link.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
