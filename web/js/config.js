// Reads config.json next to the page: where the API is and how to authenticate.
//   apiBaseUrl  the API's base URL (e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod);
//               empty means the page's own origin (the dev server serves page and API together).
//   auth.mode   "cognito": sign in with a user name, password and second factor against the user
//               pool below; the ID token goes as "Authorization: Bearer".
//               "dev": a dev user name sent as X-Dev-User (dev server only, for curl-like tests).
//   cognito     region, userPoolId, clientId (the stack's Outputs); endpoint: only for the dev
//               server, which answers Cognito's protocol at /cognito; localUsers: offer
//               "Create a local user" (the dev server only).
export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json could not be read (HTTP ${response.status})`);
  }
  const config = await response.json();
  const cognito = config.cognito ?? {};
  return {
    apiBaseUrl: String(config.apiBaseUrl ?? '').replace(/\/+$/, ''),
    auth: { mode: 'dev', ...(config.auth ?? {}) },
    cognito: {
      region: String(cognito.region ?? ''),
      userPoolId: String(cognito.userPoolId ?? ''),
      clientId: String(cognito.clientId ?? ''),
      endpoint: cognito.endpoint ? new URL(cognito.endpoint, location.href).href : '',
      localUsers: cognito.localUsers === true,
    },
  };
}
