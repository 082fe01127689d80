import { formatJoinCode } from './join-code';

/**
 * A join code as people see it ("KQ7 HMT") and as screen readers should say it, one
 * character at a time ("K Q 7 H M T"), not as two made-up words.
 */
export function JoinCodeText({ code }: { code: string }) {
  return (
    <>
      <span aria-hidden="true">{formatJoinCode(code)}</span>
      <span className="sr-only">{formatJoinCode(code).replace(/\s/g, '').split('').join(' ')}</span>
    </>
  );
}
