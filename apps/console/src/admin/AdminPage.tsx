// Administration for a centre, one tab at a time: the akutthjelper scheme (organisations, units,
// members, agreements, a report), sound recordings under § 20 (figures, dry run, holds),
// town/rural per kommune, the triage index, and the backup centres that may take this one over.
// Administrators change things; supervisors read, and may place holds.
import type { Me } from '@amk/contracts';
import { useState } from 'react';
import { LanguageSwitch, LogoutButton } from '../auth/index.js';
import { useT, type MessageKey } from '../i18n/i18n.js';
import { AkutthjelperAdmin } from './AkutthjelperAdmin.js';
import { BackupsAdmin } from './BackupsAdmin.js';
import { KommuneAdmin } from './KommuneAdmin.js';
import { RetentionAdmin } from './RetentionAdmin.js';
import { TriageIndexAdmin } from './TriageIndexAdmin.js';
import { SsoMappingsAdmin } from './SsoMappingsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';

type Tab = 'akutthjelper' | 'retention' | 'kommuner' | 'index' | 'users' | 'backups' | 'sso';
const HOLD_KEEPERS: readonly string[] = ['admin', 'supervisor', 'auditor'];

export function AdminPage({ me }: { me: Me }) {
  const t = useT();
  const isAdmin = me.role === 'admin';
  const tabs: [Tab, MessageKey][] = [
    ...(me.centre.kind === 'AMK' && me.role !== 'auditor' ? [['akutthjelper', 'akutthjelper.heading'] as [Tab, MessageKey]] : []),
    ['retention', 'adm.tab.retention'],
    ...(me.role !== 'auditor'
      ? [['kommuner', 'adm.tab.kommuner'] as [Tab, MessageKey], ['index', 'adm.tab.index'] as [Tab, MessageKey]]
      : []),
    // the competence record is the admin's to keep (the server serves it to admins only)
    ...(isAdmin ? [['users', 'adm.tab.users'] as [Tab, MessageKey]] : []),
    ...(me.role !== 'auditor' ? [['backups', 'adm.tab.backups'] as [Tab, MessageKey]] : []),
    // which provider groups give which role here: the admin's to keep (served to admins only)
    ...(isAdmin ? [['sso', 'adm.tab.sso'] as [Tab, MessageKey]] : []),
  ];
  const fromHash = window.location.hash.slice(1) as Tab;
  const [tab, setTab] = useState<Tab>(tabs.some(([k]) => k === fromHash) ? fromHash : tabs[0]![0]);
  const choose = (k: Tab) => {
    setTab(k);
    window.history.replaceState(null, '', `#${k}`);
  };
  const allowed = ['admin', 'supervisor', 'auditor'].includes(me.role);

  return (
    <main className="admin adm-page">
      <header className="header">
        <h1 className="page-title">{t('admin.heading')}</h1> <span className="muted">{me.centre.name}</span>
        <span className="muted small">
          {me.displayName} ({me.role}
          {isAdmin ? '' : ` · ${t('adm.readOnlyBadge')}`})
        </span>
        <span className="spacer" />
        <a href="/" className="button">
          {t('app.title')}
        </a>
        <LanguageSwitch />
        <LogoutButton />
      </header>
      {!allowed ? (
        <p role="alert" className="error adm-denied">
          {t('adm.denied')}
        </p>
      ) : (
        <>
          <div className="adm-tabs" role="tablist" aria-label={t('admin.heading')}>
            {tabs.map(([k, label]) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`adm-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`adm-panel-${k}`}
                onClick={() => choose(k)}
              >
                {t(label)}
              </button>
            ))}
          </div>
          {/* every tab stays mounted (hidden when not chosen) so nothing half-typed is lost by switching */}
          {tabs.map(([k]) => (
            <div key={k} className="adm-panel" role="tabpanel" id={`adm-panel-${k}`} aria-labelledby={`adm-tab-${k}`} hidden={tab !== k}>
              {k === 'akutthjelper' && <AkutthjelperAdmin canEdit={isAdmin} canSetLimit={isAdmin || me.role === 'supervisor'} />}
              {k === 'retention' && <RetentionAdmin canHold={HOLD_KEEPERS.includes(me.role)} />}
              {k === 'kommuner' && (
                <div className="adm-kommuner">
                  <KommuneAdmin canEdit={isAdmin} />
                </div>
              )}
              {k === 'index' && <TriageIndexAdmin canImport={isAdmin} />}
              {k === 'users' && <UsersAdmin />}
              {k === 'backups' && <BackupsAdmin me={me} canEdit={isAdmin} />}
              {k === 'sso' && <SsoMappingsAdmin />}
            </div>
          ))}
        </>
      )}
    </main>
  );
}
