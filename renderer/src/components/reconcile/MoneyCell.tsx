import type { Fen } from '../../../../shared/fen';
import { formatFen } from '../../format/number';

/** An amount cell of the house tables: right-aligned, negatives red; `—` (or blank) when there is none. */
export function MoneyCell({
  value,
  col,
  testId,
  blank = false,
}: {
  value: Fen | null;
  col?: string;
  testId?: string;
  /** Leave an empty cell blank instead of showing `—`. */
  blank?: boolean;
}) {
  if (value === null)
    return (
      <td className="num muted" data-col={col} data-testid={testId}>
        {blank ? null : '—'}
      </td>
    );
  return (
    <td className={value < 0 ? 'num negative' : 'num'} data-col={col} data-testid={testId}>
      {formatFen(value)}
    </td>
  );
}
