import type { ReactNode } from 'react';

/** What an empty area shows: how to get data in, and a link to where that happens. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title?: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      {title !== undefined ? <h2>{title}</h2> : null}
      <p>{children}</p>
      {action !== undefined ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
