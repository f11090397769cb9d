// Reads config.json next to the page: where the API is and how to authenticate.
//   apiBaseUrl  the API's base URL (e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod);
//               empty means the page's own origin (the dev server serves page and API together).
//   auth.mode   "dev": a dev user name sent as X-Dev-User (dev server only);
//               "cognito": a Cognito ID token sent as "Authorization: Bearer" (comes with sign-in).
export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json could not be read (HTTP ${response.status})`);
  }
  const config = await response.json();
  return {
    apiBaseUrl: String(config.apiBaseUrl ?? '').replace(/\/+$/, ''),
    auth: { mode: 'dev', ...(config.auth ?? {}) },
  };
}
