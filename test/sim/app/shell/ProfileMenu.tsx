/** @jsxImportSource react */
import { useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../../scenario';
import type { AccountUser } from '../../wire';
import { storeLang } from '../locale/i18n';
import { navigate } from '../navigation';
import { urlOfPage } from '../routes';
import { account, lang, t } from '../runtime';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** The user profile menu in the top bar: the help centre's way to Settings. */
export function ProfileMenu({ user }: { user: AccountUser | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const goToSettings = () => {
    setOpen(false);
    navigate(urlOfPage(account, { kind: 'settings', section: 'general' }));
  };
  const switchLang = (next: Lang) => {
    storeLang(next);
    location.reload();
  };

  return (
    <div className="profile" ref={ref}>
      <button
        type="button"
        className="avatar"
        aria-label={t('userProfile')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen(!open)}
      >
        {user ? initialsOf(user.name) : ''}
      </button>
      {open && (
        <div className="menu" id={`${id}-menu`} role="menu" aria-label={t('userProfile')}>
          {user && (
            <div className="menu-header" role="presentation">
              <strong>{user.name}</strong>
              <span>{user.email}</span>
            </div>
          )}
          <button type="button" role="menuitem" className="menu-item" onClick={goToSettings}>
            {t('settings')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => setOpen(false)}
          >
            {t('help')}
          </button>
          <hr className="menu-separator" />
          <div className="menu-caption" role="presentation">
            {t('language')}
          </div>
          {(['en', 'ja'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="menuitemradio"
              aria-checked={lang === option}
              className="menu-item"
              onClick={() => switchLang(option)}
            >
              {option === 'en' ? 'English' : '日本語'}
            </button>
          ))}
          <hr className="menu-separator" />
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => setOpen(false)}
          >
            {t('logOut')}
          </button>
        </div>
      )}
    </div>
  );
}
