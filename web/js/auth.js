// How the pages prove who the caller is. Each mode offers the same small interface:
//   user()           the signed-in user's display name, or null
//   headers()        the request headers that carry the identity
//   signIn(...)      mode-specific; signOut() forgets the identity
//   renderSignIn(el) draws the mode's sign-in form into el
// Nothing secret is ever written to localStorage or sessionStorage: the dev user name is a plain
// name (kept in sessionStorage so it survives a reload), and a Cognito token lives in memory only.

import { createCognito } from './cognito.js';
import { renderLogin } from './login.js';
import { el } from './ui.js';

const DEV_USER_KEY = 'twofactor.devUserName';

function devAuth() {
  return {
    mode: 'dev',
    user() {
      return sessionStorage.getItem(DEV_USER_KEY);
    },
    headers() {
      const name = this.user();
      return name ? { 'X-Dev-User': name } : {};
    },
    signIn(name) {
      sessionStorage.setItem(DEV_USER_KEY, name);
    },
    signOut() {
      sessionStorage.removeItem(DEV_USER_KEY);
    },
    renderSignIn(container, onChange) {
      container.replaceChildren();
      const current = this.user();
      const form = document.createElement('form');
      form.className = 'dev-signin';
      form.innerHTML = `
        <p class="note">Development sign-in stand-in: the dev server trusts this name (sent as
          <code>X-Dev-User</code>). Real sign-in replaces it.</p>
        <label for="dev-user">Dev user name</label>
        <div class="row">
          <input id="dev-user" name="devUser" autocomplete="username" required
                 pattern="[A-Za-z0-9._@\\-]{1,64}" value="">
          <button type="submit" id="dev-signin-submit">Sign in</button>
          <button type="button" class="secondary" id="dev-signout">Sign out</button>
        </div>`;
      const input = form.querySelector('#dev-user');
      input.value = current ?? '';
      form.querySelector('#dev-signout').hidden = !current;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name) return;
        this.signIn(name);
        onChange();
      });
      form.querySelector('#dev-signout').addEventListener('click', () => {
        this.signOut();
        onChange();
      });
      container.append(form);
    },
  };
}

// Real sign-in against the user pool (login.js, cognito.js). The ID token is held in this module's
// memory only and sent as a Bearer token; signing out forgets it and everything the client
// library held. A reload forgets it too: the pages then ask to sign in again.
function cognitoAuth(config) {
  const cognito = createCognito(config.cognito);
  let idToken = null;
  let name = null;
  let notice = null;
  return {
    mode: 'cognito',
    user() {
      return name;
    },
    headers() {
      return idToken ? { Authorization: `Bearer ${idToken}` } : {};
    },
    signIn(token, displayName) {
      idToken = token;
      name = displayName;
    },
    signOut(message) {
      cognito.signOut();
      idToken = null;
      name = null;
      notice = message ?? null;
    },
    renderSignIn(container, onChange) {
      document.body.dataset.signedIn = name ? 'true' : 'false';
      if (!name) {
        renderLogin(container, {
          cognito,
          localUsers: config.cognito.localUsers,
          notice,
          onSignedIn: (token, displayName) => {
            notice = null;
            this.signIn(token, displayName);
            onChange();
          },
        });
        return;
      }
      const signOut = el('button', { type: 'button', class: 'secondary', id: 'signout', text: 'Sign out' });
      signOut.addEventListener('click', () => {
        this.signOut('You are signed out.');
        onChange();
      });
      container.replaceChildren(
        el('div', { class: 'signed-in row' },
          el('span', { id: 'signed-in-as' }, 'Signed in as ', el('strong', { text: name })),
          signOut));
    },
  };
}

export function createAuth(config) {
  switch (config.auth.mode) {
    case 'dev':
      return devAuth();
    case 'cognito':
      return cognitoAuth(config);
    default:
      throw new Error(`config.json: unknown auth.mode "${config.auth.mode}"`);
  }
}
