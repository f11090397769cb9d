// The sign-in screen ("The two-factor authentication login page" of the product document): user
// name and password, then the second step: a code from the authenticator app or a text message
// ("Text me a code", enabled again when another may be sent), or "Use a recovery code". A wrong
// code is named next to the field with the tries left; the third ends the sign-in; a lockout says
// until when. With config cognito.localUsers (the dev server) it also offers "Create a local user".
import { el, formatTime, setFieldError } from './ui.js';

const WRONG_PASSWORD = 'Incorrect user name or password.';

/** What the library's error means to the person signing in. */
function describe(error) {
  if (error?.code === 'NotAuthorizedException') return WRONG_PASSWORD;
  if (error?.code === 'UsernameExistsException') return 'That user name is taken.';
  if (error?.code === 'InvalidPasswordException' || error?.code === 'InvalidParameterException') {
    return error.message;
  }
  if (error?.code === 'NetworkError' || error instanceof TypeError) {
    return 'The sign-in service could not be reached. Check the connection and try again.';
  }
  return error?.message || 'Something went wrong. Please try again.';
}

function passwordField(id, label, autocomplete) {
  const input = el('input', { id, name: id, type: 'password', autocomplete, required: true, 'aria-describedby': `${id}-error` });
  const field = el('div', { class: 'field' },
    el('label', { for: id, text: label }), input,
    el('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'assertive' }));
  field.input = input;
  return field;
}

function textField(id, label, autocomplete) {
  const input = el('input', {
    id, name: id, autocomplete, required: true, autocapitalize: 'none', spellcheck: 'false',
    'aria-describedby': `${id}-error`,
  });
  const field = el('div', { class: 'field' },
    el('label', { for: id, text: label }), input,
    el('p', { id: `${id}-error`, class: 'field-error', 'aria-live': 'assertive' }));
  field.input = input;
  return field;
}

/**
 * Draws the sign-in into `container`. `cognito` is createCognito(...); `onSignedIn(idToken, name)`
 * is called once the user pool issued tokens. `notice` is shown above the form (e.g. "signed out").
 */
export function renderLogin(container, { cognito, localUsers, onSignedIn, notice }) {
  const card = el('section', { class: 'login', id: 'login', 'aria-labelledby': 'login-title' });
  container.replaceChildren(card);

  // ---------------------------------------------------------------- step 1: password
  function passwordStep(message, kind = 'error') {
    const username = textField('signin-username', 'User name', 'username');
    const password = passwordField('signin-password', 'Password', 'current-password');
    const status = el('p', { id: 'signin-message', class: 'message', role: 'status', 'aria-live': 'polite' });
    const submit = el('button', { type: 'submit', id: 'signin-submit', text: 'Sign in' });
    const form = el('form', { id: 'signin-form', novalidate: true },
      username, password, el('div', { class: 'row' }, submit));
    card.replaceChildren(el('h1', { id: 'login-title', text: 'Sign in' }), status, form);
    if (message) {
      status.textContent = message;
      status.dataset.kind = kind;
    }
    if (localUsers) card.append(localUserOffer());
    username.input.focus();

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      setFieldError(username, '');
      setFieldError(password, '');
      status.textContent = '';
      const name = username.input.value.trim();
      if (!name) {
        setFieldError(username, 'Enter your user name.');
        username.input.focus();
        return;
      }
      if (!password.input.value) {
        setFieldError(password, 'Enter your password.');
        password.input.focus();
        return;
      }
      submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        next(await cognito.start(name, password.input.value), name);
      } catch (error) {
        cognito.signOut();
        setFieldError(password, describe(error));
        password.input.value = '';
        password.input.focus();
      } finally {
        submit.disabled = false;
        form.setAttribute('aria-busy', 'false');
      }
    });
  }

  function localUserOffer() {
    const open = el('button', { type: 'button', class: 'secondary', id: 'create-local-user', text: 'Create a local user' });
    const slot = el('div', {});
    open.addEventListener('click', () => {
      open.hidden = true;
      const username = textField('signup-username', 'New user name', 'username');
      const password = passwordField('signup-password', 'Password', 'new-password');
      const form = el('form', { id: 'signup-form', novalidate: true },
        el('h2', { text: 'Create a local user' }),
        el('p', { class: 'note', text: 'The dev server keeps local users in memory until it stops. The password needs 12 characters or more, with upper- and lower-case letters and a digit.' }),
        username, password,
        el('div', { class: 'row' }, el('button', { type: 'submit', id: 'signup-submit', text: 'Create and sign in' })));
      slot.replaceChildren(form);
      username.input.focus();
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        setFieldError(username, '');
        setFieldError(password, '');
        const name = username.input.value.trim();
        if (!name) {
          setFieldError(username, 'Choose a user name.');
          username.input.focus();
          return;
        }
        try {
          await cognito.signUp(name, password.input.value);
        } catch (error) {
          const target = error?.code === 'UsernameExistsException' ? username : password;
          setFieldError(target, describe(error));
          target.input.focus();
          return;
        }
        try {
          next(await cognito.start(name, password.input.value), name);
        } catch (error) {
          cognito.signOut();
          setFieldError(password, describe(error));
        }
      });
    });
    return el('div', { class: 'local-users' }, open, slot);
  }

  // ---------------------------------------------------------------- step 2: second factor
  function next(step, name) {
    if (step.kind === 'signedIn') {
      onSignedIn(step.idToken, step.name || name);
    } else {
      codeStep(step.parameters, { usedSms: false });
    }
  }

  function codeStep(parameters, memory) {
    const methods = String(parameters.methods ?? 'totp,backup_code').split(',').filter(Boolean);
    const hasApp = methods.includes('totp');
    const hasSms = methods.includes('sms');
    let method = memory.method ?? (parameters.defaultMethod === 'sms' ? 'sms' : hasApp ? 'totp' : 'sms');
    let attemptsLeft = Number.parseInt(parameters.attemptsLeft ?? '', 10);
    if (!Number.isFinite(attemptsLeft)) attemptsLeft = 3;

    const code = el('div', { class: 'field' });
    const input = el('input', {
      id: 'signin-code', name: 'code', autocomplete: 'one-time-code', required: true,
      'aria-describedby': 'signin-code-hint signin-code-error',
    });
    const label = el('label', { for: 'signin-code' });
    const hint = el('p', { id: 'signin-code-hint', class: 'note' });
    const error = el('p', { id: 'signin-code-error', class: 'field-error', 'aria-live': 'assertive' });
    code.append(label, hint, input, error);
    code.input = input;

    const smsButton = el('button', { type: 'button', class: 'secondary', id: 'send-sms', text: 'Text me a code' });
    const smsStatus = el('p', { id: 'sms-status', class: 'note', role: 'status', 'aria-live': 'polite' });
    const recovery = el('a', { href: '#', id: 'use-recovery', text: 'Use a recovery code' });
    const back = el('a', { href: '#', id: 'use-code', text: hasApp && hasSms
      ? 'Use a code from your app or phone'
      : hasApp ? 'Use your authenticator app' : 'Use a code from your phone' });
    const submit = el('button', { type: 'submit', id: 'signin-verify', text: 'Verify' });
    const cancel = el('button', { type: 'button', class: 'secondary', id: 'signin-cancel', text: 'Cancel' });
    const tries = el('p', { id: 'attempts-left', class: 'note', 'aria-live': 'polite' });
    const locked = el('p', { id: 'signin-locked', class: 'error', role: 'alert' });
    const form = el('form', { id: 'code-form', novalidate: true },
      code, tries, el('div', { class: 'row' }, smsButton, recovery, back), smsStatus, locked,
      el('div', { class: 'row actions' }, submit, cancel));
    card.replaceChildren(
      el('h1', { id: 'login-title', text: 'Two-factor authentication' }),
      el('p', { text: 'Your account is protected with two-factor authentication. Enter a code to finish signing in.' }),
      form);

    const render = () => {
      const backup = method === 'backup_code';
      label.textContent = backup
        ? 'Recovery code'
        : method === 'sms' ? 'Code from the text message' : 'Code from your authenticator app';
      hint.textContent = backup
        ? 'Each backup code can only be used once.'
        : method === 'sms'
          ? `We text the code to ${parameters.phoneHint ?? 'your phone'}.`
          : 'The six-digit code your authenticator app shows.';
      input.setAttribute('inputmode', backup ? 'text' : 'numeric');
      input.setAttribute('maxlength', backup ? '11' : '6');
      input.setAttribute('autocapitalize', 'none');
      input.setAttribute('spellcheck', 'false');
      smsButton.hidden = backup || !hasSms;
      recovery.hidden = backup;
      back.hidden = !backup;
      // After a wrong code the error says it; otherwise (a send request that sent nothing) here.
      tries.textContent = attemptsLeft < 3 && memory.last !== 'code' && !lockedUntil
        ? `${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.` : '';
      if (lockedUntil) recovery.hidden = true;
    };

    const lockedUntil = parameters.lockedUntil && new Date(parameters.lockedUntil).getTime() > Date.now()
      ? parameters.lockedUntil : null;
    if (lockedUntil) {
      locked.textContent = `Too many wrong codes. Signing in is locked until ${formatTime(lockedUntil)}. Try again then.`;
      input.disabled = true;
      submit.disabled = true;
      smsButton.disabled = true;
    }

    // "Text me a code" waits until resendAvailableAt once a code went out.
    let timer = null;
    const resendAt = parameters.smsSentAt ? new Date(parameters.resendAvailableAt ?? 0).getTime() : 0;
    const tick = () => {
      const waiting = Date.now() < resendAt;
      if (!lockedUntil) smsButton.disabled = waiting;
      smsButton.textContent = parameters.smsSentAt && memory.usedSms ? 'Resend' : 'Text me a code';
      if (waiting) {
        smsButton.setAttribute('aria-describedby', 'sms-status');
      }
      if (!waiting && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
    if (resendAt > Date.now()) timer = setInterval(tick, 500);
    tick();
    const stop = () => timer && clearInterval(timer);

    // What the last answer did, told with this challenge's parameters (the server's count).
    const triesText = `${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left`;
    if (memory.last === 'code') {
      setFieldError(code, memory.method === 'backup_code'
        ? `That recovery code is not valid or was already used. ${triesText}.`
        : `That code is not valid. ${triesText}.`);
    } else if (memory.last === 'send_sms') {
      const sent = parameters.smsSentAt && parameters.smsSentAt !== memory.smsSentBefore;
      const again = parameters.resendAvailableAt ? ` You can ask for another at ${formatTime(parameters.resendAvailableAt)}.` : '';
      smsStatus.textContent = sent
        ? `We sent a code to ${parameters.phoneHint ?? 'your phone'}.${again}`
        : `No code could be sent just now.${again} ${triesText}.`;
    }
    render();
    if (!lockedUntil) input.focus();

    recovery.addEventListener('click', (event) => {
      event.preventDefault();
      method = 'backup_code';
      setFieldError(code, '');
      input.value = '';
      render();
      input.focus();
    });
    back.addEventListener('click', (event) => {
      event.preventDefault();
      method = memory.usedSms || !hasApp ? 'sms' : 'totp';
      setFieldError(code, '');
      input.value = '';
      render();
      input.focus();
    });
    cancel.addEventListener('click', () => {
      stop();
      cognito.signOut();
      passwordStep();
    });

    const send = async (answer, remember) => {
      stop();
      submit.disabled = true;
      smsButton.disabled = true;
      form.setAttribute('aria-busy', 'true');
      let step;
      try {
        step = await cognito.answer(answer);
      } catch (failure) {
        cognito.signOut();
        if (failure?.code === 'NotAuthorizedException') {
          passwordStep(
            remember.last === 'send_sms'
              ? 'This sign-in has ended: too many codes were asked for or entered wrong. Sign in again.'
              : 'That code was wrong three times, so this sign-in has ended. Sign in again to get three new tries.');
        } else {
          passwordStep(describe(failure));
        }
        return;
      }
      if (step.kind === 'signedIn') {
        onSignedIn(step.idToken, step.name);
        return;
      }
      codeStep(step.parameters, { ...memory, ...remember });
    };

    smsButton.addEventListener('click', () => {
      method = 'sms';
      send({ action: 'send_sms' }, { last: 'send_sms', usedSms: true, method: 'sms', smsSentBefore: parameters.smsSentAt ?? '' });
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setFieldError(code, '');
      const value = input.value.trim();
      if (method === 'backup_code' ? !/^[A-Za-z0-9-]{8,11}$/.test(value) : !/^\d{6}$/.test(value)) {
        setFieldError(code, method === 'backup_code' ? 'Enter one of your recovery codes.' : 'Enter the six digits of the code.');
        input.focus();
        return;
      }
      send({ method, code: value }, { last: 'code', method });
    });
  }

  passwordStep(notice, 'info');
}
