import { expect, test } from './support/fixtures';

test.describe('the browser host guards the book with its token', () => {
  test('an API request without the token is refused', async ({ host }) => {
    const response = await fetch(`${host.origin}/api/call/book:recent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { ok: boolean };
    expect(body.ok).toBe(false);
  });

  test('an API request with a wrong token is refused, the right one is answered', async ({ host }) => {
    const call = (token: string) =>
      fetch(`${host.origin}/api/call/book:recent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
    expect((await call('0'.repeat(host.token.length))).status).toBe(401);
    const good = await call(host.token);
    expect(good.status).toBe(200);
    expect(((await good.json()) as { ok: boolean }).ok).toBe(true);
  });

  test('the page opened without the link explains how to get it', async ({ page, host }) => {
    await page.goto(host.origin);
    await expect(page.getByRole('alert')).toContainText('npm run web');
  });
});
