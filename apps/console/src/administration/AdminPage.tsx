// Administration for a centre: the akutthjelper scheme (organisations, units, members, written
// agreements), recording retention under § 20 (overview, dry run, holds), and town/rural per
// kommune. Administrators change things; supervisors read.
import type { Me } from '@amk/contracts';
import { LanguageSwitch } from '../auth/LanguageSwitch.js';
import { useT } from '../i18n/i18n.js';
import { AkutthjelperAdmin } from './AkutthjelperAdmin.js';
import { KommuneAdmin } from './KommuneAdmin.js';
import { RetentionAdmin } from './RetentionAdmin.js';

export function AdminPage({ me }: { me: Me }) {
  const t = useT();
  const canEdit = me.role === 'admin';
  return (
    <main className="admin">
      <header className="header">
        <strong>{t('admin.heading')}</strong> <span className="muted">{me.centre.name}</span>
        <a href="/" className="button">{t('app.title')}</a>
        <LanguageSwitch />
      </header>
      <div className="admin-grid">
        {me.centre.kind === 'AMK' && <AkutthjelperAdmin canEdit={canEdit} />}
        <RetentionAdmin canEdit={canEdit || me.role === 'supervisor'} />
        <KommuneAdmin canEdit={canEdit} />
      </div>
    </main>
  );
}
