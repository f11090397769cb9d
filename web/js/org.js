// Organization Settings → "Authentication": the "Require two-factor" switch (disabled, with the
// owners named, while an owner lacks 2FA), the grace period, members still without 2FA, inviting
// members, "Leave organization"; and the caller's invitations (Accept / Decline).
import { el, formatTime, describeError, announce, rememberOrgName, orgName } from './ui.js';

const state = { api: null, auth: null, orgId: null, generation: 0 };
// Only the newest render may draw (see renderAll).
const stale = (generation) => generation !== state.generation;
const message = () => document.getElementById('page-message');

function currentOrgId() {
  return new URLSearchParams(location.search).get('org');
}

function openOrg(orgId) {
  const url = new URL(location.href);
  url.searchParams.set('org', orgId);
  history.pushState({}, '', url);
  state.orgId = orgId;
  renderAll();
}

function renderChoice() {
  const slot = document.getElementById('org-choice');
  if (!state.auth.user()) {
    slot.replaceChildren(el('p', { class: 'note', text: 'Sign in to manage organizations.' }));
    return;
  }
  const openError = el('p', { class: 'field-error', 'aria-live': 'assertive', id: 'org-id-error' });
  const idInput = el('input', { id: 'org-id', required: true, value: state.orgId ?? '', 'aria-describedby': 'org-id-error', autocomplete: 'off' });
  const openForm = el('form', { id: 'open-org-form' },
    el('div', { class: 'field' }, el('label', { for: 'org-id', text: 'Organization ID' }), idInput, openError),
    el('div', { class: 'row' }, el('button', { type: 'submit', text: 'Open' })));
  openForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = idInput.value.trim();
    if (!id) {
      openError.textContent = 'Enter an organization ID.';
      return;
    }
    openOrg(id);
  });
  const nameError = el('p', { class: 'field-error', 'aria-live': 'assertive', id: 'org-name-error' });
  const nameInput = el('input', { id: 'org-name', required: true, maxlength: '100', autocomplete: 'organization', 'aria-describedby': 'org-name-error' });
  const createForm = el('form', { id: 'create-org-form' },
    el('div', { class: 'field' }, el('label', { for: 'org-name', text: 'New organization name' }), nameInput, nameError),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'secondary', text: 'Create organization' })));
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    nameError.textContent = '';
    try {
      const created = await state.api.createOrg(nameInput.value.trim());
      rememberOrgName(created.orgId, created.name);
      announce(message(), `Organization ${created.name} was created; you are its owner.`, 'success');
      openOrg(created.orgId);
    } catch (error) {
      nameError.textContent = describeError(error);
    }
  });
  slot.replaceChildren(openForm, createForm);
}

async function allMissing(orgId) {
  const members = [];
  let cursor = null;
  do {
    const page = await state.api.missingMembers(orgId, cursor);
    members.push(...page.members);
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

async function renderAuthentication(generation) {
  const slot = document.getElementById('auth-content');
  const orgId = state.orgId;
  if (!state.auth.user() || !orgId) {
    slot.replaceChildren(el('p', { class: 'note', text: 'Open an organization to see its settings.' }));
    return;
  }
  let summary;
  try {
    summary = await state.api.orgTwoFactor(orgId);
  } catch (error) {
    if (stale(generation)) return;
    slot.replaceChildren(el('p', { class: 'error', role: 'alert', text: describeError(error) }));
    return;
  }
  // Only owners may list members; a member sees the summary and may leave.
  let missing = null;
  try {
    missing = await allMissing(orgId);
  } catch (error) {
    if (error.status !== 403) throw error;
  }
  if (stale(generation)) return;
  const isOwner = missing !== null;
  const ownersMissing = (missing ?? []).filter((m) => m.role === 'owner');
  const membersMissing = (missing ?? []).filter((m) => m.role !== 'owner');
  const parts = [
    el('p', { class: 'note', id: 'org-title', text: `Organization: ${orgName(orgId)}` }),
    el('p', { id: 'requirement', class: 'status' },
      el('span', { class: `badge ${summary.required ? 'on' : 'off'}`, text: summary.required ? 'Required' : 'Not required' }),
      summary.required
        ? ` Every member must use two-factor authentication (since ${formatTime(summary.requiredSince)}; grace period ${summary.gracePeriodHours} hours).`
        : ' Members may use two-factor authentication but do not have to.'),
    el('p', { class: 'note', id: 'counts',
      text: `Owners with 2FA: ${summary.owners.withTwoFactor} of ${summary.owners.total}. Members with 2FA: ${summary.members.withTwoFactor} of ${summary.members.total}.` }),
  ];
  if (isOwner) parts.push(requirementForm(orgId, summary, ownersMissing));
  if (isOwner) parts.push(missingList(membersMissing, summary.required));
  if (isOwner) parts.push(inviteForm(orgId));
  parts.push(leaveButton(orgId));
  slot.replaceChildren(...parts);
}

function requirementForm(orgId, summary, ownersMissing) {
  const error = el('p', { class: 'field-error', id: 'require-error', 'aria-live': 'assertive' });
  const grace = el('input', { id: 'grace-hours', type: 'number', min: '0', max: '720', step: '1', inputmode: 'numeric',
    value: String(summary.gracePeriodHours ?? 0), 'aria-describedby': 'grace-hint' });
  const blocked = !summary.required && ownersMissing.length > 0;
  const button = el('button', {
    type: 'submit', id: 'require-2fa', class: summary.required ? 'secondary' : '',
    text: summary.required ? 'Stop requiring two-factor' : 'Require two-factor',
    disabled: blocked, 'aria-describedby': blocked ? 'owners-missing' : null,
  });
  const form = el('form', { id: 'require-form' },
    el('div', { class: 'field' },
      el('label', { for: 'grace-hours', text: 'Grace period (hours)' }),
      el('p', { id: 'grace-hint', class: 'note', text: 'How long members without two-factor authentication keep access after the requirement starts or they join.' }),
      grace),
    el('p', { class: 'note', text: 'All organization owners must have two-factor authentication on before this can be set.' }),
    blocked
      ? el('div', { id: 'owners-missing', class: 'warning', role: 'note' },
          el('p', { text: 'These owners do not have two-factor authentication yet:' }),
          el('ul', {}, ...ownersMissing.map((o) => el('li', {}, el('code', { text: o.userId })))))
      : null,
    el('div', { class: 'row' }, button),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const hours = Number.parseInt(grace.value || '0', 10);
    button.disabled = true;
    try {
      await state.api.requireTwoFactor(orgId, !summary.required, Number.isFinite(hours) ? hours : 0);
      announce(message(), summary.required ? 'Two-factor authentication is no longer required.' : 'Two-factor authentication is now required for every member.', 'success');
      await renderAll();
    } catch (e) {
      error.textContent = describeError(e);
      button.disabled = false;
    }
  });
  return form;
}

function missingList(members, required) {
  const heading = el('h3', { text: 'Members without two-factor authentication' });
  if (members.length === 0) {
    return el('div', { id: 'members-missing' }, heading, el('p', { class: 'note', text: 'Every member has two-factor authentication.' }));
  }
  return el('div', { id: 'members-missing' }, heading,
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Member' }), el('th', { scope: 'col', text: required ? 'Access until' : 'Status' }))),
      el('tbody', {}, ...members.map((m) =>
        el('tr', {}, el('td', {}, el('code', { text: m.userId })),
          el('td', { text: required ? (m.graceEndsAt ? formatTime(m.graceEndsAt) : 'Grace period over') : 'No 2FA' }))))));
}

function inviteForm(orgId) {
  const error = el('p', { class: 'field-error', id: 'invite-error', 'aria-live': 'assertive' });
  const user = el('input', { id: 'invite-user', required: true, autocomplete: 'off', 'aria-describedby': 'invite-error' });
  const role = el('select', { id: 'invite-role' },
    el('option', { value: 'member', text: 'Member' }), el('option', { value: 'owner', text: 'Owner' }));
  const form = el('form', { id: 'invite-form' },
    el('h3', { text: 'Invite a member' }),
    el('div', { class: 'field' }, el('label', { for: 'invite-user', text: 'User ID' }), user),
    el('div', { class: 'field' }, el('label', { for: 'invite-role', text: 'Role' }), role),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'secondary', text: 'Invite' })),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const saved = await state.api.putMember(orgId, user.value.trim(), role.value);
      announce(message(), saved.status === 'invited'
        ? `${saved.userId} was invited as ${saved.role}.`
        : `${saved.userId} is now ${saved.role === 'owner' ? 'an owner' : 'a member'}.`, 'success');
      await renderAll();
    } catch (e) {
      error.textContent = describeError(e);
    }
  });
  return form;
}

function leaveButton(orgId) {
  const error = el('p', { class: 'field-error', id: 'leave-error', 'aria-live': 'assertive' });
  const button = el('button', { type: 'button', class: 'danger', id: 'leave-org', text: 'Leave organization' });
  button.addEventListener('click', async () => {
    error.textContent = '';
    try {
      await state.api.removeMember(orgId, state.auth.user());
      announce(message(), `You left ${orgName(orgId)}.`, 'success');
      state.orgId = null;
      history.pushState({}, '', location.pathname);
      renderAll();
    } catch (e) {
      error.textContent = describeError(e);
    }
  });
  return el('div', { class: 'row danger-zone' }, button, error);
}

async function renderInvitations(generation) {
  const slot = document.getElementById('inv-content');
  if (!state.auth.user()) {
    slot.replaceChildren(el('p', { class: 'note', text: 'Sign in to see your invitations.' }));
    return;
  }
  let invitations;
  try {
    invitations = (await state.api.invitations()).invitations;
  } catch (error) {
    if (stale(generation)) return;
    slot.replaceChildren(el('p', { class: 'error', text: describeError(error) }));
    return;
  }
  if (stale(generation)) return;
  invitations.forEach((i) => rememberOrgName(i.orgId, i.name));
  if (invitations.length === 0) {
    slot.replaceChildren(el('p', { class: 'note', text: 'You have no open invitations.' }));
    return;
  }
  const error = el('p', { class: 'field-error', id: 'invitation-error', 'aria-live': 'assertive' });
  slot.replaceChildren(
    el('ul', { class: 'invitations', id: 'invitation-list' }, ...invitations.map((i) =>
      el('li', { 'data-org': i.orgId },
        el('span', {}, el('strong', { text: i.name }), ` invited you as ${i.role} on ${formatTime(i.invitedAt)}.`),
        el('span', { class: 'row' },
          el('button', { type: 'button', text: 'Accept', 'aria-label': `Accept invitation to ${i.name}`, onclick: async () => {
            try {
              await state.api.acceptInvitation(i.orgId);
              announce(message(), `You joined ${i.name}.`, 'success');
              openOrg(i.orgId);
            } catch (e) {
              error.textContent = describeError(e);
            }
          } }),
          el('button', { type: 'button', class: 'secondary', text: 'Decline', 'aria-label': `Decline invitation to ${i.name}`, onclick: async () => {
            try {
              await state.api.declineInvitation(i.orgId);
              announce(message(), `You declined the invitation to ${i.name}.`);
              renderAll();
            } catch (e) {
              error.textContent = describeError(e);
            }
          } }))))),
    error);
}

// Draws the whole page for the signed-in user; body[data-rendered-for] names that user once both
// parts are drawn, and an older render that finishes late draws nothing.
async function renderAll() {
  const generation = ++state.generation;
  const user = state.auth.user();
  delete document.body.dataset.renderedFor;
  renderChoice();
  await Promise.all([
    renderAuthentication(generation).catch((error) => announce(message(), describeError(error), 'error')),
    renderInvitations(generation),
  ]);
  if (!stale(generation) && user) document.body.dataset.renderedFor = user;
}

/** Called by app.js when this page is shown (again): draws it for the signed-in user. */
export function mount({ auth, api }) {
  state.auth = auth;
  state.api = api;
  state.orgId = currentOrgId();
  renderAll();
}

/** Called by app.js after a sign-in or sign-out, and when the history moves within this page. */
export function redraw() {
  state.orgId = currentOrgId();
  renderAll();
}
