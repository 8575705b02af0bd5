/**
 * The sign-in form inside `<dialog id="auth">`: shown (modal) when the API refused the
 * request for want of a valid token, with the server's message when a stored token was
 * refused. Submitting stores the token and reloads the page.
 */
import { useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
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
      <h2 id="auth-title">Sign in with an API token</h2>
      <p>
        Every request to the weaklink API needs a token. Paste yours, or open the link the server printed when it
        started (it ends in <code>#token=…</code>), or a fresh one from <code>npx weaklink login</code>.
      </p>
      <p id="auth-message" class="error" hidden={message === null}>
        {message ?? ''}
      </p>
      <label for="auth-token">API token</label>
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
        An admin creates one with <code>npx weaklink token create --role viewer --name NAME</code>. The page keeps it in
        this browser tab only.
      </p>
      <button class="primary" type="submit">
        Open the map
      </button>
    </form>
  );
}
