/**
 * The sign-in form inside `<dialog id="auth">`: shown (modal) when the API refused the
 * request for want of a valid token, with the server's message when a stored token was
 * refused. Submitting stores the token and reloads the page.
 */
import { useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';

export interface AuthDialogProps {
  store: Store;
  onToken(token: string): void;
}

export function AuthDialog({ store, onToken }: AuthDialogProps) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const { message } = store.auth.value;
  useSignalEffect(() => {
    if (!store.auth.value.open) return;
    const dialog = form.current?.closest('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    input.current?.focus();
  });
  return (
    <form
      id="auth-form"
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        const token = input.current?.value.trim() ?? '';
        if (token) onToken(token);
      }}
    >
      <h2 id="auth-title">{t('web.shell.authTitle')}</h2>
      <p>
        {t('web.shell.authIntro1')}
        <code>#token=…</code>
        {t('web.shell.authIntro2')}
        <code>npx weaklink login</code>
        {t('web.shell.authIntro3')}
      </p>
      <p id="auth-message" class="error" hidden={message === null}>
        {message ?? ''}
      </p>
      <label for="auth-token">{t('web.shell.authToken')}</label>
      <input
        id="auth-token"
        ref={input}
        type="password"
        autocomplete="off"
        spellcheck={false}
        placeholder="wl_…"
        required
      />
      <p class="muted small">
        {t('web.shell.authHint1')}
        <code>npx weaklink token create --role viewer --name NAME</code>
        {t('web.shell.authHint2')}
      </p>
      <button class="primary" type="submit">
        {t('web.shell.authOpen')}
      </button>
    </form>
  );
}
