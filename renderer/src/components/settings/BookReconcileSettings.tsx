import { useBook } from '../../book/use-book';
import { RateCardSection } from './RateCardSection';
import { ReconcileSettingsSection } from './ReconcileSettingsForm';

/** The open book's reconciliation settings: its rate cards and how settlements are matched. */
export function BookReconcileSettings() {
  const { current } = useBook();
  if (current === null) return null;
  return (
    <>
      <RateCardSection bookKey={current.path} />
      <ReconcileSettingsSection bookKey={current.path} />
    </>
  );
}
