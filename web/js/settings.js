// User Settings → "Two-factor authentication": status, set-up of an authenticator app and of an
// SMS-enabled phone, backup codes ("Reveal codes", "Regenerate"), removing a method and "Disable 2FA".
import {
  el, formatTime, codeField, setFieldError, describeError, announce, askForProof, rememberOrgName,
} from './ui.js';

const state = { api: null, auth: null, status: null, timers: [], generation: 0 };
const content = () => document.getElementById('tfa-content');
const message = () => document.getElementById('page-message');

function activeMethods(status) {
  return ['totp', 'sms'].filter((m) => status.methods[m].status === 'active');
}

function clearTimers() {
  state.timers.forEach(clearInterval);
  state.timers = [];
}

/** Runs `action` with a proof when the user already has a factor, without one otherwise. */
async function withProofIfNeeded(title, explanation, submitLabel, action) {
  const methods = activeMethods(state.status);
  if (methods.length === 0) return action(undefined);
  return askForProof({ title, explanation, submitLabel, methods, api: state.api })(action);
}

// Only the newest refresh may draw: an answer for a user who has since signed out, or an older
// status, is dropped. body[data-rendered-for] names the user the page shows once it is drawn.
async function refresh(note, kind) {
  clearTimers();
  const generation = ++state.generation;
  const user = state.auth.user();
  content().setAttribute('aria-busy', 'true');
  delete document.body.dataset.renderedFor;
  const done = () => {
    content().setAttribute('aria-busy', 'false');
    if (user) document.body.dataset.renderedFor = user;
  };
  if (!user) {
    content().replaceChildren(el('p', { class: 'note', text: 'Sign in to see your settings.' }));
    renderBanner(null);
    done();
    return;
  }
  let status;
  try {
    status = await state.api.status();
  } catch (error) {
    if (generation !== state.generation) return;
    content().replaceChildren(el('p', { class: 'error', role: 'alert', text: describeError(error) }));
    done();
    return;
  }
  if (generation !== state.generation) return;
  state.status = status;
  render(status);
  announce(message(), note ?? '', kind);
  done();
}

function renderBanner(status) {
  const banner = document.getElementById('org-banner');
  const requiring = (status?.requiredBy ?? []).filter((o) => typeof o === 'object');
  requiring.forEach((o) => rememberOrgName(o.orgId, o.name));
  const pending = status && !status.enabled ? requiring : [];
  banner.hidden = pending.length === 0;
  banner.replaceChildren(
    ...pending.map((o) =>
      el(
        'p',
        {},
        el('strong', { text: `${o.name} requires two-factor authentication. ` }),
        o.graceEndsAt
          ? `Set it up before ${formatTime(o.graceEndsAt)}, or you lose access to ${o.name} until you do.`
          : `Set it up now to keep access to ${o.name}.`,
      ),
    ),
  );
}

function render(status) {
  renderBanner(status);
  const parts = [];
  const methods = activeMethods(status);
  parts.push(
    el('p', { class: 'status', id: 'tfa-status' },
      el('span', { class: `badge ${status.enabled ? 'on' : 'off'}`, text: status.enabled ? 'Enabled' : 'Disabled' }),
      status.enabled
        ? ' Two-factor authentication is on for your account.'
        : ' Two-factor authentication is off. Protect your account with an authenticator app or an SMS-enabled phone.'),
  );
  const requiredBy = (status.requiredBy ?? []).map((o) => (typeof o === 'string' ? o : o.name));
  if (requiredBy.length) {
    parts.push(el('p', { class: 'note', id: 'required-by', text: `Required by: ${requiredBy.join(', ')}.` }));
  }
  if (status.lockedUntil && new Date(status.lockedUntil).getTime() > Date.now()) {
    parts.push(el('p', { class: 'error', role: 'alert', id: 'lockout',
      text: `Too many wrong codes: verification is locked until ${formatTime(status.lockedUntil)}.` }));
  }
  if (status.enabled) parts.push(configuredMethods(status, methods));
  parts.push(el('div', { id: 'codes-slot' }));
  if (status.methods.totp.status !== 'active') parts.push(totpSetup(methods.length > 0));
  if (status.methods.sms.status !== 'active') parts.push(smsSetup(methods.length > 0));
  content().replaceChildren(...parts);
}

function configuredMethods(status, methods) {
  const list = el('ul', { class: 'methods', id: 'methods' });
  const removable = methods.length > 1;
  const item = (method, label, detail) =>
    list.append(
      el('li', { 'data-method': method },
        el('span', {}, el('strong', { text: label }), detail ? ` ${detail}` : ''),
        removable
          ? el('button', {
              type: 'button', class: 'secondary', text: 'Remove', 'aria-label': `Remove ${label}`,
              onclick: () => removeMethod(method, label),
            })
          : null),
    );
  if (status.methods.totp.status === 'active') {
    item('totp', 'Authenticator app', `set up ${formatTime(status.methods.totp.confirmedAt)}`);
  }
  if (status.methods.sms.status === 'active') {
    item('sms', `Text message to ${status.methods.sms.phoneHint}`, `set up ${formatTime(status.methods.sms.confirmedAt)}`);
  }
  const codes = status.backupCodes;
  const backup = el('div', { class: 'backup' },
    el('h3', { text: 'Backup codes' }),
    el('p', { id: 'codes-left', class: codes.runningLow ? 'warning' : 'note',
      text: `${codes.remaining} of ${codes.total} backup codes left.${codes.runningLow ? ' You are running low: regenerate them.' : ''}` }),
    el('div', { class: 'row' },
      el('a', { href: '#codes', id: 'reveal-codes', text: 'Reveal codes', onclick: (e) => { e.preventDefault(); revealCodes(); } }),
      el('button', { type: 'button', class: 'secondary', id: 'regenerate-codes', text: 'Regenerate', onclick: regenerateCodes })),
  );
  return el('div', { class: 'configured' },
    el('h3', { text: 'Configured methods' }),
    list,
    backup,
    el('div', { class: 'row danger-zone' },
      el('button', { type: 'button', class: 'danger', id: 'disable-2fa', text: 'Disable 2FA', onclick: disableAll })),
  );
}

// ------------------------------------------------------------------ backup codes

function showCodes(codes, heading) {
  const entries = codes.map((c) => (typeof c === 'string' ? { code: c, used: false } : c));
  const text = entries.map((c) => `${c.code}${c.used ? ' (used)' : ''}`).join('\n');
  const list = el('ol', { class: 'codes', id: 'codes-list' },
    ...entries.map((c) =>
      el('li', { class: c.used ? 'used' : '' },
        c.used ? el('del', {}, el('code', { text: c.code })) : el('code', { text: c.code }),
        c.used ? el('span', { class: 'used-label', text: ' (used)' }) : null)),
  );
  const copyStatus = el('p', { class: 'note', role: 'status', 'aria-live': 'polite' });
  const panel = el('section', { id: 'codes', class: 'codes-panel', 'aria-labelledby': 'codes-title', tabindex: '-1' },
    el('h3', { id: 'codes-title', text: heading }),
    el('p', { text: 'Each backup code can only be used once. Keep them somewhere safe: they let you in when you have no phone or app.' }),
    list,
    el('div', { class: 'row no-print' },
      el('button', { type: 'button', class: 'secondary', text: 'Copy', onclick: async () => {
        try {
          await navigator.clipboard.writeText(text);
          copyStatus.textContent = 'Codes copied.';
        } catch {
          copyStatus.textContent = 'Copying is not available here; select the codes instead.';
        }
      } }),
      el('button', { type: 'button', class: 'secondary', text: 'Download .txt', onclick: () => {
        const url = URL.createObjectURL(new Blob([`Backup codes (each works once)\n\n${text}\n`], { type: 'text/plain' }));
        const link = el('a', { href: url, download: 'backup-codes.txt' });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      } }),
      el('button', { type: 'button', class: 'secondary', text: 'Print', onclick: () => window.print() }),
      el('button', { type: 'button', class: 'secondary', text: 'Hide codes', onclick: () => panel.remove() })),
    copyStatus,
  );
  const slot = document.getElementById('codes-slot');
  slot.replaceChildren(panel);
  panel.focus();
}

async function revealCodes() {
  const result = await withProofIfNeeded('Reveal codes', 'Enter a code to show your backup codes.', 'Reveal codes',
    (verification) => state.api.revealCodes(verification));
  if (result) {
    await refresh();
    showCodes(result.codes, 'Your backup codes');
  }
}

async function regenerateCodes() {
  const result = await withProofIfNeeded('Regenerate backup codes',
    'New codes replace the old ones, which stop working at once. Enter a code to continue.', 'Regenerate',
    (verification) => state.api.regenerateCodes(verification));
  if (result) {
    await refresh('New backup codes were made; the old ones no longer work.');
    showCodes(result.codes, 'Your new backup codes');
  }
}

// ------------------------------------------------------------------ disable

async function disableAll() {
  const result = await withProofIfNeeded('Disable 2FA',
    'This removes every method and your backup codes. Enter a code to confirm.', 'Disable 2FA',
    (verification) => state.api.disable(verification));
  if (result) await refresh('Two-factor authentication is off.');
}

async function removeMethod(method, label) {
  const result = await withProofIfNeeded(`Remove ${label}`, 'Enter a code to confirm.', 'Remove',
    (verification) => state.api.disable(verification, method));
  if (result) await refresh(`${label} was removed.`);
}

// ------------------------------------------------------------------ authenticator app

function totpSetup(hasFactor) {
  const section = el('section', { class: 'setup', id: 'totp-setup', 'aria-labelledby': 'totp-title' });
  const body = el('div', {});
  const start = el('button', { type: 'button', id: 'start-totp', text: 'Set up authenticator app' });
  const error = el('p', { class: 'field-error', 'aria-live': 'assertive', id: 'start-totp-error' });
  section.append(
    el('h3', { id: 'totp-title', text: hasFactor ? 'Add an authenticator app' : 'Authenticator app' }),
    el('p', { class: 'note', text: 'Use a TOTP app such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP.' }),
    start, error, body);
  start.addEventListener('click', async () => {
    setFieldError(section, '');
    error.textContent = '';
    let setup;
    try {
      setup = await withProofIfNeeded('Add an authenticator app', 'You already use two-factor authentication: enter a code to add a method.', 'Continue',
        (verification) => state.api.startTotp(verification));
    } catch (e) {
      error.textContent = describeError(e);
      return;
    }
    if (!setup) return;
    start.hidden = true;
    body.replaceChildren(totpConfirmForm(setup));
    body.querySelector('input').focus();
  });
  return section;
}

function totpConfirmForm(setup) {
  const code = codeField('totp-code', 'Code from your authenticator app');
  const form = el('form', { id: 'totp-form', novalidate: true },
    el('ol', { class: 'steps' },
      el('li', {},
        el('p', { text: 'Scan this QR code with your authenticator app:' }),
        el('img', { src: setup.qrCode, alt: 'QR code for your authenticator app', id: 'totp-qr', width: '280', height: '280', class: 'qr' }),
        el('p', {}, "Can't scan it? Enter this key in the app instead: ",
          el('code', { id: 'totp-secret', class: 'secret', text: setup.secret.replace(/(.{4})/g, '$1 ').trim() })),
        el('p', { class: 'note', text: `This set-up expires at ${formatTime(setup.expiresAt)}.` })),
      el('li', {}, el('p', { text: 'Enter the six-digit code the app shows:' }), code)),
    el('div', { class: 'row' }, el('button', { type: 'submit', text: 'Confirm' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setFieldError(code, '');
    const value = code.input.value.trim();
    if (!/^\d{6}$/.test(value)) {
      setFieldError(code, 'Enter the six digits the app shows.');
      code.input.focus();
      return;
    }
    try {
      const status = await state.api.confirmTotp(value);
      await refresh('Your authenticator app is set up.', 'success');
      if (status.backupCodes.codes) showCodes(status.backupCodes.codes, 'Save your backup codes');
    } catch (error) {
      setFieldError(code, describeError(error));
      code.input.focus();
    }
  });
  return form;
}

// ------------------------------------------------------------------ SMS

function smsSetup(hasFactor) {
  const section = el('section', { class: 'setup', id: 'sms-setup', 'aria-labelledby': 'sms-title' });
  const phoneError = el('p', { id: 'sms-phone-error', class: 'field-error', 'aria-live': 'assertive' });
  const phone = el('input', {
    id: 'sms-phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', required: true,
    placeholder: '+12015550123', 'aria-describedby': 'sms-phone-hint sms-phone-error',
  });
  const phoneField = el('div', { class: 'field' },
    el('label', { for: 'sms-phone', text: 'Mobile phone number' }),
    el('p', { id: 'sms-phone-hint', class: 'note', text: 'In international format, starting with + and the country code.' }),
    phone, phoneError);
  phoneField.input = phone;
  const send = el('button', { type: 'submit', id: 'send-sms', text: 'Send code' });
  const confirmSlot = el('div', {});
  const form = el('form', { id: 'sms-start-form', novalidate: true }, phoneField, el('div', { class: 'row' }, send));
  section.append(
    el('h3', { id: 'sms-title', text: hasFactor ? 'Add an SMS-enabled phone' : 'SMS-enabled phone' }),
    form, confirmSlot);

  const sendCode = async () => {
    setFieldError(phoneField, '');
    const number = phone.value.replace(/[\s()-]/g, '');
    if (!/^\+\d{6,15}$/.test(number)) {
      setFieldError(phoneField, 'Enter the number in international format, for example +12015550123.');
      phone.focus();
      return null;
    }
    try {
      return await withProofIfNeeded('Add an SMS-enabled phone', 'You already use two-factor authentication: enter a code to add a method.', 'Continue',
        (verification) => state.api.startSms(number, verification));
    } catch (error) {
      setFieldError(phoneField, describeError(error));
      phone.focus();
      return null;
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = await sendCode();
    if (!sent) return;
    confirmSlot.replaceChildren(smsConfirmForm(sent, sendCode));
    confirmSlot.querySelector('#sms-code').focus();
  });
  return section;
}

function smsConfirmForm(sent, sendCode) {
  const code = codeField('sms-code', 'Code from the text message');
  const sentNote = el('p', { id: 'sms-sent', role: 'status', 'aria-live': 'polite' });
  const resend = el('button', { type: 'button', class: 'secondary', id: 'resend-sms', text: 'Resend' });
  const resendNote = el('p', { id: 'resend-note', class: 'note', 'aria-live': 'polite' });
  const form = el('form', { id: 'sms-confirm-form', novalidate: true },
    sentNote, code,
    el('div', { class: 'row' }, el('button', { type: 'submit', text: 'Confirm' }), resend),
    resendNote);

  let timer = null;
  const showSent = (answer) => {
    sentNote.textContent = `We sent a code to ${answer.phoneHint}. It expires at ${formatTime(answer.codeExpiresAt)}.`;
    const at = new Date(answer.resendAvailableAt).getTime();
    const tick = () => {
      const waiting = Date.now() < at;
      resend.disabled = waiting;
      resendNote.textContent = waiting ? `You can ask for a new code at ${formatTime(answer.resendAvailableAt)}.` : '';
      if (!waiting && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
    if (timer) clearInterval(timer);
    timer = setInterval(tick, 500);
    state.timers.push(timer);
    tick();
  };
  showSent(sent);

  resend.addEventListener('click', async () => {
    resend.disabled = true;
    const again = await sendCode();
    if (again) {
      showSent(again);
      setFieldError(code, '');
      code.input.focus();
    } else {
      resend.disabled = false;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setFieldError(code, '');
    const value = code.input.value.trim();
    if (!/^\d{6}$/.test(value)) {
      setFieldError(code, 'Enter the six digits of the text message.');
      code.input.focus();
      return;
    }
    try {
      const status = await state.api.confirmSms(value);
      await refresh('Your phone is set up for two-factor authentication.', 'success');
      if (status.backupCodes.codes) showCodes(status.backupCodes.codes, 'Save your backup codes');
    } catch (error) {
      setFieldError(code, describeError(error));
      code.input.focus();
    }
  });
  return form;
}

// ------------------------------------------------------------------ start

/** Called by app.js when this page is shown (again): draws it for the signed-in user. */
export function mount({ auth, api }) {
  state.auth = auth;
  state.api = api;
  refresh();
}

/** Called by app.js after a sign-in or sign-out. */
export function redraw() {
  refresh();
}
