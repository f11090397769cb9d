// Small DOM helpers shared by the pages: elements, code fields with their error line, messages
// that screen readers announce, and the proof dialog.
import { ApiError } from './api.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A labelled one-time-code field with its own error line. `kind` "backup" accepts recovery codes
 * (letters and a hyphen), otherwise six digits.
 */
export function codeField(id, label, kind = 'digits') {
  const input = el('input', {
    id,
    name: id,
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    required: true,
    'aria-describedby': `${id}-error`,
  });
  const field = el(
    'div',
    { class: 'field' },
    el('label', { for: id, text: label }),
    input,
    el('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'assertive' }),
  );
  field.input = input;
  field.setKind = (next) => {
    if (next === 'backup') {
      input.setAttribute('inputmode', 'text');
      input.setAttribute('pattern', '[A-Za-z0-9\\- ]{8,11}');
      input.setAttribute('maxlength', '11');
      input.setAttribute('autocapitalize', 'none');
      input.setAttribute('spellcheck', 'false');
    } else {
      input.setAttribute('inputmode', 'numeric');
      input.setAttribute('pattern', '[0-9]{6}');
      input.setAttribute('maxlength', '6');
    }
  };
  field.setKind(kind);
  return field;
}

/** Shows `message` under the field (announced) and marks the input invalid; empty clears. */
export function setFieldError(field, message) {
  const error = field.querySelector('.field-error');
  error.textContent = message ?? '';
  if (message) field.input?.setAttribute('aria-invalid', 'true');
  else field.input?.removeAttribute('aria-invalid');
}

const orgNames = new Map();

/** Org names the page knows (from the status or invitations), so refusals can name the org. */
export function rememberOrgName(orgId, name) {
  if (orgId && name) orgNames.set(orgId, name);
}

export function orgName(orgId) {
  return orgNames.get(orgId) ?? orgId;
}

/** A sentence for an error answer, with the end of a lockout or wait when there is one. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const until = error.retryAfterSeconds != null
    ? new Date(Date.now() + error.retryAfterSeconds * 1000).toISOString()
    : null;
  switch (error.code) {
    case 'invalid_code':
      return 'That code is not valid. Check it and try again.';
    case 'too_many_attempts':
      return `Too many wrong codes. Verification is locked until ${formatTime(until)}.`;
    case 'sms_rate_limited':
      return `Too many text messages. You can ask for another code at ${formatTime(until)}.`;
    case 'dependency_unavailable':
      return 'The service is briefly unavailable. Please try again in a moment.';
    case 'unauthenticated':
      return 'You are not signed in.';
    case 'two_factor_required_by_org': {
      const ids = error.problem.orgs ?? [];
      const names = ids.map((o) => (typeof o === 'string' ? orgName(o) : o.name ?? o.orgId));
      return names.length
        ? `Two-factor authentication is required by ${names.join(', ')}; it cannot be turned off while you belong to ${names.length > 1 ? 'them' : 'it'}.`
        : error.message;
    }
    case 'owners_without_two_factor': {
      const owners = error.problem.owners ?? [];
      return `Every owner must have two-factor authentication on first. Still without it: ${owners.join(', ')}.`;
    }
    case 'last_owner':
      return 'The last owner cannot leave or step down. Make another member an owner first.';
    default: {
      const fields = Object.values(error.fieldErrors());
      return fields.length ? `${error.message} ${fields.join(' ')}` : error.message;
    }
  }
}

/** A status line (role=status) that screen readers announce politely. */
export function announce(region, message, kind = 'info') {
  region.textContent = message ?? '';
  region.dataset.kind = kind;
}

const METHOD_LABELS = { totp: 'Authenticator app', sms: 'Text message (SMS)', backup_code: 'Recovery code' };

/**
 * Asks for a fresh second factor in a modal dialog and runs `action(verification)` with it; an
 * error answer stays in the dialog next to the code field, so the user can correct it.
 * `methods` are the user's active methods ("totp", "sms"); a recovery code is always offered.
 * Resolves with the action's result, or null when the user cancels.
 */
export function askForProof({ title, explanation, submitLabel, methods, api }) {
  return (action) =>
    new Promise((resolve) => {
      let method = methods.includes('totp') ? 'totp' : methods[0] ?? 'backup_code';
      const code = codeField('proof-code', '');
      const chooser = el('div', { class: 'field' });
      const smsButton = el('button', { type: 'button', class: 'secondary', text: 'Text me a code' });
      const smsNote = el('p', { class: 'note', role: 'status', 'aria-live': 'polite' });
      const recoveryLink = el('a', { href: '#', class: 'recovery-link', text: 'Use a recovery code' });
      const submit = el('button', { type: 'submit', text: submitLabel });
      const cancel = el('button', { type: 'button', class: 'secondary', text: 'Cancel', value: 'cancel' });
      const form = el(
        'form',
        { method: 'dialog' },
        el('h2', { id: 'proof-title', text: title }),
        el('p', { text: explanation }),
        chooser,
        code,
        el('div', { class: 'row' }, smsButton, recoveryLink),
        smsNote,
        el('div', { class: 'row actions' }, submit, cancel),
      );
      const dialog = el('dialog', { 'aria-labelledby': 'proof-title', class: 'proof' }, form);

      const render = () => {
        code.querySelector('label').textContent =
          method === 'totp'
            ? 'Code from your authenticator app'
            : method === 'sms'
              ? 'Code from the text message'
              : 'Recovery code (each can be used once)';
        code.setKind(method === 'backup_code' ? 'backup' : 'digits');
        smsButton.hidden = method !== 'sms';
        recoveryLink.hidden = method === 'backup_code';
        chooser.replaceChildren();
        const choices = [...methods, 'backup_code'];
        if (choices.length > 1) {
          const select = el('select', { id: 'proof-method' });
          for (const m of choices) {
            select.append(el('option', { value: m, text: METHOD_LABELS[m], selected: m === method }));
          }
          select.addEventListener('change', () => {
            method = select.value;
            render();
          });
          chooser.append(el('label', { for: 'proof-method', text: 'Verify with' }), select);
        }
      };
      render();

      recoveryLink.addEventListener('click', (event) => {
        event.preventDefault();
        method = 'backup_code';
        render();
        code.input.focus();
      });
      smsButton.addEventListener('click', async () => {
        smsButton.disabled = true;
        try {
          const sent = await api.sendSmsCode();
          smsNote.textContent = `A code was sent to ${sent.phoneHint}.`;
        } catch (error) {
          smsNote.textContent = describeError(error);
        } finally {
          smsButton.disabled = false;
        }
      });
      const close = (result) => {
        dialog.close();
        dialog.remove();
        resolve(result);
      };
      cancel.addEventListener('click', () => close(null));
      dialog.addEventListener('cancel', (event) => {
        event.preventDefault();
        close(null);
      });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        setFieldError(code, '');
        const value = code.input.value.trim();
        if (!value) {
          setFieldError(code, 'Enter a code.');
          code.input.focus();
          return;
        }
        submit.disabled = true;
        try {
          close(await action({ method, code: value }));
        } catch (error) {
          setFieldError(code, describeError(error));
          code.input.focus();
        } finally {
          submit.disabled = false;
        }
      });
      document.body.append(dialog);
      dialog.showModal();
      code.input.focus();
    });
}
