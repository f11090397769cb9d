// The pages' one entry point: reads config.json, creates the sign-in (auth.js) and the API client
// once, and shows User Settings (index.html) or Organization Settings (org.html) in the same
// document. Moving between them by the top bar (or Back/Forward) swaps the page's <main> in place
// instead of loading a new document, so a sign-in held in memory lasts across both pages; only a
// reload or a typed address asks to sign in again.
import { loadConfig } from './config.js';
import { createAuth } from './auth.js';
import { createApi } from './api.js';

const PAGES = {
  settings: () => import('./settings.js'),
  org: () => import('./org.js'),
};

let context = null;
let current = null;

const pageOf = (url) => (new URL(url, location.href).pathname.endsWith('/org.html') ? 'org' : 'settings');

async function show(page) {
  current = await PAGES[page]();
  current.mount(context);
}

function drawSignIn() {
  context.auth.renderSignIn(document.getElementById('signin'), () => {
    drawSignIn();
    current?.redraw();
  });
}

/** Replaces the top bar, <main> and title with those of `url`'s page, then shows it. */
async function navigate(url, push) {
  let html;
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) throw new Error(String(response.status));
    html = await response.text();
  } catch {
    location.href = url;
    return;
  }
  const next = new DOMParser().parseFromString(html, 'text/html');
  if (push) history.pushState({}, '', url);
  document.title = next.title;
  document.querySelector('header.topbar').replaceWith(document.adoptNode(next.querySelector('header.topbar')));
  document.getElementById('main').replaceWith(document.adoptNode(next.getElementById('main')));
  document.body.dataset.page = pageOf(url);
  await show(document.body.dataset.page);
  document.getElementById('main').querySelector('h1')?.focus();
}

function isPageLink(link) {
  return link && link.origin === location.origin && /\/(index|org)\.html$/.test(link.pathname)
    && !link.hasAttribute('download') && link.target !== '_blank';
}

async function main() {
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    const message = document.getElementById('page-message');
    message.textContent = error.message;
    message.dataset.kind = 'error';
    return;
  }
  const auth = createAuth(config);
  context = { config, auth, api: createApi(config, auth) };
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!isPageLink(link) || event.defaultPrevented || event.button !== 0
      || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.href, true);
  });
  window.addEventListener('popstate', () => {
    if (pageOf(location.href) !== document.body.dataset.page) navigate(location.href, false);
    else current?.redraw();
  });
  drawSignIn();
  await show(pageOf(location.href));
}

main();
