// The service's HTTP API. Every call sends the identity headers of the auth module and turns an
// error answer (application/problem+json) into an ApiError the pages can show next to a field.

export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field messages of a validation error, by field name. */
  fieldErrors() {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

export function createApi(config, auth) {
  async function call(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json', ...auth.headers() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(config.apiBaseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, {
        title: 'Network error',
        detail: 'The service could not be reached. Check the connection and try again.',
      });
    }
    const text = response.status === 204 ? '' : await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      throw new ApiError(
        response.status,
        json && typeof json === 'object' ? json : { title: response.statusText },
        Number.isFinite(retryAfter) ? retryAfter : null,
      );
    }
    return json;
  }

  const org = (orgId) => `/orgs/${encodeURIComponent(orgId)}`;
  return {
    status: () => call('GET', '/two-factor'),
    startTotp: (verification) => call('POST', '/two-factor/totp', verification ? { verification } : undefined),
    confirmTotp: (code) => call('POST', '/two-factor/totp/confirm', { code }),
    startSms: (phoneNumber, verification) =>
      call('POST', '/two-factor/sms', verification ? { phoneNumber, verification } : { phoneNumber }),
    confirmSms: (code) => call('POST', '/two-factor/sms/confirm', { code }),
    sendSmsCode: () => call('POST', '/two-factor/sms/code'),
    revealCodes: (verification) => call('POST', '/two-factor/backup-codes/reveal', { verification }),
    regenerateCodes: (verification) => call('POST', '/two-factor/backup-codes/regenerate', { verification }),
    disable: (verification, method) =>
      call('POST', '/two-factor/disable', method ? { verification, method } : { verification }),
    createOrg: (name) => call('POST', '/orgs', { name }),
    orgTwoFactor: (orgId) => call('GET', `${org(orgId)}/two-factor`),
    requireTwoFactor: (orgId, required, gracePeriodHours) =>
      call('PUT', `${org(orgId)}/two-factor`, { required, gracePeriodHours }),
    missingMembers: (orgId, cursor) =>
      call('GET', `${org(orgId)}/members?twoFactor=missing&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    putMember: (orgId, userId, role) => call('PUT', `${org(orgId)}/members/${encodeURIComponent(userId)}`, { role }),
    removeMember: (orgId, userId) => call('DELETE', `${org(orgId)}/members/${encodeURIComponent(userId)}`),
    invitations: () => call('GET', '/orgs/invitations'),
    acceptInvitation: (orgId) => call('POST', `${org(orgId)}/invitations/accept`),
    declineInvitation: (orgId) => call('DELETE', `${org(orgId)}/invitations`),
  };
}
