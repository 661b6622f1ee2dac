import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/number';

const SHOWN = 3;

/** A finding's 参考号: the first few, and all of them on request (a rate change can list hundreds). */
export function RefNos({ refNos }: { refNos: readonly string[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (refNos.length === 0) return <span className="muted">—</span>;
  const shown = all ? refNos : refNos.slice(0, SHOWN);
  return (
    <span className="ref-nos">
      {shown.map((refNo) => (
        <span key={refNo} className="ref-no mono">
          {refNo}
        </span>
      ))}
      {refNos.length > SHOWN ? (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? t('reconcile.refs.fewer') : t('reconcile.refs.more', { n: formatCount(refNos.length) })}
        </button>
      ) : null}
    </span>
  );
}
