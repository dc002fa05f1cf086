// Log out: the session ends on the server (every socket of it closes) and the page goes to login.
// On every page a person works from, so a shared PC is never left logged in for want of a button.
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';

export function LogoutButton() {
  const t = useT();
  return (
    <button type="button" onClick={() => ok(client.POST('/api/v1/auth/logout')).finally(() => window.location.assign('/login'))}>
      {t('header.logout')}
    </button>
  );
}
