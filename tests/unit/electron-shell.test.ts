import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bookArgument } from '../../electron/main/book-argument';
import { menuTemplate } from '../../electron/main/menu';
import { mainLocaleOf, mainMessages } from '../../electron/main/messages';

describe('opening a book from the OS', () => {
  it('finds the .feetrail file among the launch arguments', () => {
    expect(
      bookArgument(
        ['C:\\Program Files\\FeeTrail\\FeeTrail.exe', 'D:\\账本\\小店.feetrail'],
        'C:\\',
        path.win32,
      ),
    ).toBe('D:\\账本\\小店.feetrail');
    expect(bookArgument(['FeeTrail.exe', '小店.feetrail'], 'D:\\账本', path.win32)).toBe(
      'D:\\账本\\小店.feetrail',
    );
    expect(
      bookArgument(
        ['/usr/bin/electron', '.', '--no-sandbox', '/home/li/shop.FEETRAIL'],
        '/home/li',
        path.posix,
      ),
    ).toBe('/home/li/shop.FEETRAIL');
  });

  it('resolves a relative path from the launching folder and ignores flags', () => {
    expect(bookArgument(['feetrail', '--inspect=9229', 'books/a.feetrail'], '/home/li', path.posix)).toBe(
      '/home/li/books/a.feetrail',
    );
    expect(bookArgument(['feetrail', '--book=x.feetrail'], '/home/li')).toBeNull();
  });

  it('returns null when no book was asked for', () => {
    expect(bookArgument(['FeeTrail.exe'], 'C:\\')).toBeNull();
    expect(bookArgument(['FeeTrail.exe', 'report.xlsx'], 'C:\\')).toBeNull();
  });
});

describe('the menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.label ? [item.label] : []),
      ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
    ]);
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it('is Chinese by default and English when the system is English', () => {
    expect(mainLocaleOf('zh-CN')).toBe('zh-CN');
    expect(mainLocaleOf('zh-TW')).toBe('zh-CN');
    expect(mainLocaleOf('fr-FR')).toBe('zh-CN');
    expect(mainLocaleOf('en-US')).toBe('en');
    const zh = labels(
      menuTemplate({ messages: mainMessages('zh-CN'), platform: 'win32', isDev: false, onAbout: vi.fn() }),
    );
    const en = labels(
      menuTemplate({ messages: mainMessages('en'), platform: 'win32', isDev: false, onAbout: vi.fn() }),
    );
    expect(zh).toContain('文件');
    expect(zh).toContain('复制');
    expect(en).toContain('File');
    expect(en).toContain('Copy');
    expect(zh).toHaveLength(en.length);
  });

  it('starts with the app menu on macOS only', () => {
    const mac = menuTemplate({
      messages: mainMessages('zh-CN'),
      platform: 'darwin',
      isDev: false,
      onAbout: vi.fn(),
    });
    const win = menuTemplate({
      messages: mainMessages('zh-CN'),
      platform: 'win32',
      isDev: false,
      onAbout: vi.fn(),
    });
    expect(mac[0]?.role).toBe('appMenu');
    expect(win[0]?.label).toBe('文件');
  });

  it('offers reload and developer tools only in development', () => {
    const user = roles(
      menuTemplate({ messages: mainMessages('zh-CN'), platform: 'linux', isDev: false, onAbout: vi.fn() }),
    );
    const developer = roles(
      menuTemplate({ messages: mainMessages('zh-CN'), platform: 'linux', isDev: true, onAbout: vi.fn() }),
    );
    expect(user).not.toContain('toggleDevTools');
    expect(user).not.toContain('reload');
    expect(developer).toContain('toggleDevTools');
  });
});
