/** An error message that screen readers announce when it appears. */
export function ErrorText({ message, id }: { message: string | null; id?: string }) {
  return (
    <p id={id} role="alert" className={message ? 'error-text' : 'sr-only'}>
      {message ?? ''}
    </p>
  );
}
