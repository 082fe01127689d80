import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import type { ConnectionProblem } from '../state/slices/connection';
import type { TFunction } from 'i18next';

function describe(t: TFunction, problem: ConnectionProblem): string {
  switch (problem.kind) {
    case 'refused':
      return t('errors.refused', { message: errorText(t, problem.code) });
    case 'too-large':
      return t('errors.tooLarge');
    case 'protocol':
      return t('errors.protocol');
    case 'rate-limited':
      return t('errors.rateLimited');
  }
}

/** Something the person must know happened to their work (role="alert" is announced at once). */
export function ProblemAlert() {
  const { t } = useTranslation();
  const problem = useBoardStore((s) => s.problem);
  const setProblem = useBoardStore((s) => s.setProblem);
  return (
    <div role="alert" className={problem ? 'alert' : 'sr-only'}>
      {problem ? (
        <>
          <p>{describe(t, problem)}</p>
          <button type="button" className="button button--secondary" onClick={() => setProblem(null)}>
            {t('app.close')}
          </button>
        </>
      ) : null}
    </div>
  );
}
