// A failure said where it happened, announced to a screen reader; nothing when there is none.
export function ErrorLine({ error, small = false }: { error: string | null | undefined; small?: boolean }) {
  if (!error) return null;
  return (
    <p role="alert" className={small ? 'error small' : 'error'}>
      {error}
    </p>
  );
}
