// Signing in against a Cognito user pool (or the dev server, which speaks the same protocol) with
// AWS's own client library, amazon-cognito-identity-js: SRP for the password (the library computes
// it; nothing of it is written here), then the custom-challenge loop of this service's Define,
// Create and Verify triggers for the second factor.
//
// The library keeps tokens in a Storage it is given. It gets a Map in this module's memory, never
// localStorage, sessionStorage or a cookie, so no script-readable store holds a token and a reload
// of the page asks to sign in again.

const LIBRARY = 'vendor/amazon-cognito-identity.min.js';

/** The Storage interface the library calls, kept in memory only. */
export class MemoryStorage {
  #items = new Map();

  setItem(key, value) {
    this.#items.set(String(key), String(value));
  }

  getItem(key) {
    return this.#items.has(String(key)) ? this.#items.get(String(key)) : null;
  }

  removeItem(key) {
    this.#items.delete(String(key));
  }

  clear() {
    this.#items.clear();
  }
}

let loading = null;

/** Loads the library's browser bundle (web/vendor/, copied there by the build) once. */
function library() {
  if (window.AmazonCognitoIdentity) return Promise.resolve(window.AmazonCognitoIdentity);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.onload = () => resolve(window.AmazonCognitoIdentity);
    script.onerror = () => {
      loading = null;
      reject(new Error(`${LIBRARY} could not be loaded: build the project (it copies the library there).`));
    };
    document.head.append(script);
  });
  return loading;
}

/**
 * A sign-in step: `{ kind: 'challenge', parameters }` (the second factor is asked for, with the
 * public challenge parameters: methods, defaultMethod, phoneHint, attemptsLeft, lockedUntil,
 * smsSentAt, resendAvailableAt) or `{ kind: 'signedIn', idToken, name }`. Errors reject with the
 * library's error, whose `code` is Cognito's error type (NotAuthorizedException, ...).
 */
export function createCognito(settings) {
  const storage = new MemoryStorage();
  let pool = null;
  let user = null;
  let username = null;

  async function userPool() {
    if (pool) return pool;
    const { CognitoUserPool } = await library();
    pool = new CognitoUserPool({
      UserPoolId: settings.userPoolId,
      ClientId: settings.clientId,
      endpoint: settings.endpoint || undefined,
      Storage: storage,
    });
    return pool;
  }

  // One callback object for the library's steps: a challenge or tokens resolve, an error rejects.
  const callbacks = (resolve, reject) => ({
    onSuccess(session) {
      const idToken = session.getIdToken();
      const claims = idToken.decodePayload();
      resolve({
        kind: 'signedIn',
        idToken: idToken.getJwtToken(),
        name: claims.email || claims['cognito:username'] || username,
      });
    },
    onFailure: reject,
    customChallenge(parameters) {
      resolve({ kind: 'challenge', parameters: parameters ?? {} });
    },
    // Flows this user pool does not use; treated as a refusal rather than left hanging.
    newPasswordRequired: () => reject(Object.assign(new Error('A new password is required.'), { code: 'NewPasswordRequired' })),
    mfaRequired: () => reject(Object.assign(new Error('Cognito MFA is not used by this page.'), { code: 'UnsupportedChallenge' })),
    totpRequired: () => reject(Object.assign(new Error('Cognito MFA is not used by this page.'), { code: 'UnsupportedChallenge' })),
  });

  return {
    /** Creates a user with this password (the dev server confirms local users at once). */
    async signUp(username, password) {
      const p = await userPool();
      return new Promise((resolve, reject) => {
        p.signUp(username, password, [], null, (error, result) => (error ? reject(error) : resolve(result)));
      });
    },

    /** SRP with the password (CUSTOM_AUTH with SRP_A first), then the first custom challenge or tokens. */
    async start(name, password) {
      const { CognitoUser, AuthenticationDetails } = await library();
      username = name;
      user = new CognitoUser({ Username: username, Pool: await userPool(), Storage: storage });
      user.setAuthenticationFlowType('CUSTOM_AUTH');
      const details = new AuthenticationDetails({ Username: username, Password: password });
      return new Promise((resolve, reject) => user.authenticateUser(details, callbacks(resolve, reject)));
    },

    /** Answers the open custom challenge: a code, `{method, code}` or `{action: "send_sms"}`. */
    answer(answer) {
      if (!user) return Promise.reject(new Error('No sign-in is in progress.'));
      const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
      return new Promise((resolve, reject) => user.sendCustomChallengeAnswer(text, callbacks(resolve, reject)));
    },

    /** Forgets the sign-in in progress and every token the library holds. */
    signOut() {
      user?.signOut();
      user = null;
      username = null;
      storage.clear();
    },
  };
}
