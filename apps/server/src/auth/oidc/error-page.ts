// The page a browser lands on when a sign-in through an identity provider is refused: the reason
// in bokmål and in English (the console's language is not known here), and a way back.
import type { OidcFailure } from './oidc-errors.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function errorPage(failure: OidcFailure): string {
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pålogging avvist – Sign-in refused</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>Pålogging avvist</h1>
<p role="alert" data-reason="${escapeHtml(failure.reason)}">${escapeHtml(failure.nb)}</p>
<h2 lang="en">Sign-in refused</h2>
<p lang="en">${escapeHtml(failure.en)}</p>
<p><a href="/">Tilbake til innloggingen</a> · <a href="/" lang="en">Back to the login page</a></p>
</main>
</body>
</html>
`;
}
