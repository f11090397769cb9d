// How the pages prove who the caller is. Each mode offers the same small interface:
//   user()           the signed-in user's display name, or null
//   headers()        the request headers that carry the identity
//   signIn(...)      mode-specific; signOut() forgets the identity
//   renderSignIn(el) draws the mode's sign-in form into el
// Nothing secret is ever written to localStorage or sessionStorage: the dev user name is a plain
// name (kept in sessionStorage so it survives moving between the two pages), and a Cognito token
// lives in memory only.

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

// The Cognito mode's shape, for the sign-in that a later change brings: the ID token is held in
// this module's memory only and sent as a Bearer token.
function cognitoAuth() {
  let idToken = null;
  let name = null;
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
    signOut() {
      idToken = null;
      name = null;
    },
    renderSignIn(container) {
      container.replaceChildren();
      const p = document.createElement('p');
      p.className = 'note';
      p.textContent = 'Sign in to manage two-factor authentication.';
      container.append(p);
    },
  };
}

export function createAuth(config) {
  switch (config.auth.mode) {
    case 'dev':
      return devAuth();
    case 'cognito':
      return cognitoAuth();
    default:
      throw new Error(`config.json: unknown auth.mode "${config.auth.mode}"`);
  }
}
