// The library: sign-in by e-mail link, filters with counts, search, results and a report page.
// The access token lives in this module's memory and this tab's sessionStorage (a reload keeps it, closing the
// tab or signing out ends it): never in a cookie, localStorage or a URL. A report asked for before signing in is
// kept in localStorage for the 15 minutes a sign-in link lives, so the link opened in a new tab still leads to it.
// Opening a report adds a history entry (#id=...), so Back and Forward move between the list and reports.
import { postJson, failureMessage } from '../api.js';
import { UNREACHABLE, exchangeLink, requestLink, store, stored } from '../session.js';

const SESSION_KEY = 'nearmiss.library.session';
const WANTED_KEY = 'nearmiss.library.wanted';
const WANTED_FOR_MS = 15 * 60 * 1000;

let accessToken = null;
let pendingReport = null;
const state = { filters: { callType: new Set(), factor: new Set(), assignment: new Set() }, q: '', page: 1 };
const facetTitles = { callType: 'Call type', factor: 'Contributing factors', assignment: 'Assignment' };
let labels = { callType: {}, factor: {}, assignment: {} };

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function show(section) {
  for (const id of ['signin', 'browse', 'report', 'unsubscribe']) {
    $(id).hidden = id !== section;
  }
}

function message(text) {
  $('library-message').textContent = text;
  $('library-message').hidden = !text;
}

async function api(path, { method = 'GET', body, missingIsNull = false } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${accessToken}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (missingIsNull && response.status === 404) {
    return null;
  }
  if (response.status === 401) {
    forgetSession();
    show('signin');
    message('Your session has ended. Ask for a new sign-in link.');
    return null;
  }
  if (!response.ok) {
    message('The library could not answer just now. Try again in a moment.');
    return null;
  }
  return response.json();
}

function readFragment() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(null, '', window.location.pathname);
  return { token: params.get('token'), id: params.get('id'), unsubscribe: params.get('unsubscribe') };
}

function forgetSession() {
  accessToken = null;
  store(sessionStorage, SESSION_KEY, null);
}

function signOut() {
  forgetSession();
  store(localStorage, WANTED_KEY, null);
  history.replaceState(null, '', window.location.pathname);
  message('');
  show('signin');
}

/** The report of the e-mailed link that asked for a sign-in, in this tab or another, for 15 minutes. */
function takeWantedReport() {
  const wanted = stored(localStorage, WANTED_KEY);
  store(localStorage, WANTED_KEY, null);
  return wanted && typeof wanted.id === 'string' && Number(wanted.until) > Date.now() ? wanted.id : null;
}

// The one-click unsubscribe link of a digest e-mail: needs no sign-in, and can do nothing else.
async function unsubscribe(token) {
  show('unsubscribe');
  const { status } = await postJson('/api/library/unsubscribe', { token }).catch(() => ({ status: 0 }));
  $('unsubscribe-message').textContent = status === 200
    ? 'You are unsubscribed: no more weekly digests will be sent to you.'
    : status === 410
      ? 'You were already unsubscribed from the weekly digest.'
      : status === 400
        ? 'That unsubscribe link is not valid. Sign in and untick everything under "Subscribe to a weekly digest" instead.'
        : 'The library could not answer just now. Open the link again in a moment.';
}

async function start() {
  $('signin-form').addEventListener('submit', askForLink);
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = $('q').value.trim();
    state.page = 1;
    search();
  });
  $('previous').addEventListener('click', () => { state.page -= 1; search(); });
  $('next').addEventListener('click', () => { state.page += 1; search(); });
  $('back').addEventListener('click', () => {
    if (history.state?.report) {
      history.back();
    } else {
      show('browse');
    }
  });
  $('featured-link').addEventListener('click', () => { if (featuredId) { openReport(featuredId); } });
  $('digest-form').addEventListener('submit', saveDigest);
  $('sign-out').addEventListener('click', signOut);
  // Back and Forward between the list and the reports opened from it.
  window.addEventListener('popstate', (event) => {
    if (!accessToken) {
      return;
    }
    if (event.state?.report) {
      openReport(event.state.report, { push: false });
    } else {
      show('browse');
    }
  });
  // A sign-in, report or unsubscribe link pasted into this tab's address bar.
  window.addEventListener('hashchange', () => {
    if (/[#&](token|unsubscribe)=/.test(window.location.hash)) {
      arrive();
    }
  });
  await loadLabels();
  await arrive();
}

/** Acts on the address the tab was opened or reloaded with. */
async function arrive() {
  const reloadedOn = history.state?.report ?? null;
  const { token, id, unsubscribe: unsubscribeToken } = readFragment();
  if (unsubscribeToken) {
    await unsubscribe(unsubscribeToken);
    return;
  }
  pendingReport = id ?? reloadedOn;

  if (token) {
    const { status, data } = (await exchangeLink('/api/readers/session', token)) ?? {};
    if (status === 200 && data && data.accessToken) {
      accessToken = data.accessToken;
      store(sessionStorage, SESSION_KEY, { accessToken });
      pendingReport = pendingReport ?? takeWantedReport();
      store(localStorage, WANTED_KEY, null);
    } else {
      show('signin');
      message('That sign-in link is used, expired or not valid. Ask for a new one.');
      return;
    }
  }

  if (!accessToken) {
    const saved = stored(sessionStorage, SESSION_KEY);
    accessToken = typeof saved?.accessToken === 'string' ? saved.accessToken : null;
  }

  if (!accessToken) {
    show('signin');
    return;
  }

  message('');
  show('browse');
  await Promise.all([search(), loadFeatured(), loadDigest()]);
  if (pendingReport) {
    const wanted = pendingReport;
    pendingReport = null;
    await openReport(wanted);
  }
}

async function loadLabels() {
  const response = await fetch('/api/form', { credentials: 'omit', referrerPolicy: 'no-referrer' }).catch(() => null);
  if (!response || !response.ok) {
    return;
  }
  const form = await response.json();
  const byId = Object.fromEntries(form.questions.map((q) => [q.id, Object.fromEntries(q.options.map((o) => [o.value, o.label]))]));
  labels = { callType: byId.callType ?? {}, factor: byId.factors ?? {}, assignment: byId.assignment ?? {} };
}

let featuredId = null;

async function loadFeatured() {
  const featured = await api('/api/library/featured', { missingIsNull: true });
  featuredId = featured ? featured.id : null;
  $('featured').hidden = !featured;
  if (featured) {
    $('featured-link').textContent = featured.title;
    $('featured-summary').textContent = featured.summary;
  }
}

function digestChoices(containerId, options, chosen) {
  const container = $(containerId);
  container.replaceChildren();
  for (const [value, label] of Object.entries(options)) {
    const id = `${containerId}-${value}`;
    const row = el('div', null, 'choice');
    const box = el('input');
    box.type = 'checkbox';
    box.id = id;
    box.value = value;
    box.checked = chosen.includes(value);
    const text = el('label', label);
    text.htmlFor = id;
    row.append(box, text);
    container.append(row);
  }
}

async function loadDigest() {
  const subscription = await api('/api/library/subscription');
  if (!subscription) {
    return;
  }
  digestChoices('digest-callTypes', labels.callType, subscription.callTypes ?? []);
  digestChoices('digest-factors', labels.factor, subscription.factors ?? []);
}

async function saveDigest(event) {
  event.preventDefault();
  const checked = (id) => [...$(id).querySelectorAll('input:checked')].map((box) => box.value);
  const body = { callTypes: checked('digest-callTypes'), factors: checked('digest-factors') };
  const saved = await api('/api/library/subscription', { method: 'PUT', body });
  if (!saved) {
    return;
  }
  const notice = $('digest-message');
  notice.hidden = false;
  notice.textContent = saved.callTypes.length + saved.factors.length > 0
    ? 'Saved: you will get a weekly e-mail when new reports match.'
    : 'You are not subscribed to the weekly digest.';
}

async function askForLink(event) {
  event.preventDefault();
  const email = $('email').value.trim();
  if (!email) {
    return;
  }
  const response = await requestLink('/api/readers/signin', { email });
  const notice = $('signin-message');
  notice.hidden = false;
  if (!response) {
    notice.textContent = UNREACHABLE;
    return;
  }
  const { status, retryAfter } = response;
  if (status === 202) {
    if (pendingReport) {
      store(localStorage, WANTED_KEY, { id: pendingReport, until: Date.now() + WANTED_FOR_MS });
    }
    notice.textContent = 'If this address may read the library, a sign-in link is on its way. Addresses outside the participating agencies need staff approval first.';
  } else if (status === 429) {
    notice.textContent = failureMessage(status, retryAfter, 'request');
  } else {
    notice.textContent = 'Enter a work e-mail address.';
  }
}

function query() {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(state.filters)) {
    for (const value of values) {
      params.append(name, value);
    }
  }
  if (state.q) {
    params.set('q', state.q);
  }
  if (state.page > 1) {
    params.set('page', String(state.page));
  }
  return params.toString();
}

async function search() {
  message('');
  const data = await api(`/api/library?${query()}`);
  if (!data) {
    return;
  }
  renderFilters(data.facets);
  renderResults(data);
}

function renderFilters(facets) {
  const container = $('filters');
  container.replaceChildren();
  for (const [name, counts] of Object.entries(facets)) {
    const fieldset = el('fieldset', null, 'field');
    fieldset.append(el('legend', facetTitles[name] ?? name));
    for (const facet of counts) {
      const selected = state.filters[name].has(facet.value);
      if (facet.count === 0 && !selected) {
        continue;
      }
      const id = `f-${name}-${facet.value}`;
      const row = el('div', null, 'choice');
      const box = el('input');
      box.type = 'checkbox';
      box.id = id;
      box.checked = selected;
      box.addEventListener('change', () => {
        if (box.checked) {
          state.filters[name].add(facet.value);
        } else {
          state.filters[name].delete(facet.value);
        }
        state.page = 1;
        search();
      });
      const label = el('label', `${facet.label} (${facet.count})`);
      label.htmlFor = id;
      row.append(box, label);
      fieldset.append(row);
    }
    container.append(fieldset);
  }
}

function itemLink(item) {
  const button = el('button', item.title, 'link-button result-title');
  button.type = 'button';
  button.addEventListener('click', () => openReport(item.id));
  return button;
}

function describe(item) {
  const parts = [item.month, labels.callType[item.callType] ?? item.callType, labels.assignment[item.assignment] ?? item.assignment];
  return parts.filter(Boolean).join(' · ');
}

function renderResults(data) {
  const list = $('results');
  list.replaceChildren();
  $('result-count').textContent = data.total === 1 ? '1 report' : `${data.total} reports`;
  for (const item of data.items) {
    const li = el('li', null, 'result');
    li.append(itemLink(item), el('p', describe(item), 'hint'), el('p', item.summary));
    for (const highlight of item.highlights ?? []) {
      const p = el('p', null, 'highlight');
      for (const part of highlight.parts) {
        p.append(part.match ? el('mark', part.text) : document.createTextNode(part.text));
      }
      li.append(p);
    }
    list.append(li);
  }
  $('previous').hidden = data.page <= 1;
  $('next').hidden = data.page * data.pageSize >= data.total;
}

async function openReport(id, { push = true } = {}) {
  const report = await api(`/api/library/${encodeURIComponent(id)}`);
  if (!report) {
    return;
  }
  if (push && history.state?.report !== id) {
    history.pushState({ report: id }, '', `${window.location.pathname}#id=${encodeURIComponent(id)}`);
  }
  $('report-title').textContent = report.title;
  $('report-meta').textContent = [describe(report), (report.factors ?? []).map((f) => labels.factor[f] ?? f).join(', ')].filter(Boolean).join(' · ');
  const lessons = $('report-lessons');
  lessons.replaceChildren(...report.lessons.map((lesson) => el('li', lesson)));
  $('report-own-lessons').textContent = report.lessonsLearned ?? '';
  $('report-own').hidden = !report.lessonsLearned;
  $('report-summary').textContent = report.summary;
  $('report-narrative').textContent = report.narrative;
  const similar = $('similar');
  similar.replaceChildren();
  for (const item of report.similar) {
    const li = el('li', null, 'result');
    li.append(itemLink(item), el('p', describe(item), 'hint'));
    similar.append(li);
  }
  show('report');
  $('report-title').focus();
}

start();
