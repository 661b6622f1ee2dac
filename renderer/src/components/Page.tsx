import type { ReactNode } from 'react';

/** One area's page: its title (the page's h1) and its content. */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <article className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {actions !== undefined ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </article>
  );
}
