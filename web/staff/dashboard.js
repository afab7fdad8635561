// The staff dashboard: one page, so the session token lives in this module's memory only (never in storage,
// cookies or a URL). A sign-in link (#token=...) is exchanged for a session and removed from the address at once.
// The figures are those of `nearmiss trends`; the charts come as PNG data: URLs inside the same answer.
import { getJson, problemErrors, problemTitle, failureMessage, el, sentence } from '../api.js';
import { askForLink, linkToken, reviewerSession } from '../session.js';

const PROMISE = 'the promise is 5 to 10 business days';
const CHART_WORDS = {
  months: 'Reports per month, last 12 months',
  callTypes: 'Reports by call type',
  factors: 'Reports by contributing factor',
  reviewDays: 'Review time in business days',
};

const $ = (id) => document.getElementById(id);
const ui = {
  message: $('dashboard-message'),
  navWho: $('nav-who'),
  signOut: $('sign-out'),
  signinView: $('signin-view'),
  signin: $('signin'),
  email: $('email'),
  errEmail: $('err-email'),
  sendLink: $('send-link'),
  signinSent: $('signin-sent'),
  busyView: $('busy-view'),
  trendsView: $('trends-view'),
  period: $('period'),
  from: $('from'),
  to: $('to'),
  errFrom: $('err-from'),
  errTo: $('err-to'),
  loading: $('trends-loading'),
  figures: $('figures'),
  periodName: $('period-name'),
  totals: $('totals'),
  reviewDays: $('review-days'),
  byCallType: $('by-call-type'),
  byFactor: $('by-factor'),
  urgent: $('urgent'),
  charts: $('charts'),
};

/** { accessToken, email } while signed in. */
let session = null;

/** The form's words for answer ids, by question: callType and factors. Ids are shown until they arrive. */
let labels = new Map();

ui.signin.addEventListener('submit', requestLink);
ui.signOut.addEventListener('click', signOut);
ui.period.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
window.addEventListener('hashchange', start);
window.addEventListener('pagehide', () => {
  session = null;
});
start();

function start() {
  const token = linkToken(location.hash);
  if (token !== null) {
    // The one-time token leaves the address bar and the history entry before anything else happens.
    history.replaceState(null, '', location.pathname);
    exchange(token);
    return;
  }
  if (!session) {
    showSignIn();
  }
}

function show(view) {
  for (const v of [ui.signinView, ui.busyView, ui.trendsView]) {
    v.hidden = v !== view;
  }
  ui.navWho.hidden = ui.signOut.hidden = session === null;
  ui.navWho.textContent = session ? session.reviewer.email : '';
}

function showMessage(text) {
  ui.message.textContent = text;
  ui.message.hidden = false;
}

function showSignIn() {
  show(ui.signinView);
}

async function requestLink(event) {
  event.preventDefault();
  ui.errEmail.hidden = true;
  ui.message.hidden = true;
  const email = ui.email.value.trim();
  if (!email || !email.includes('@')) {
    ui.errEmail.textContent = 'Enter your e-mail address.';
    ui.errEmail.hidden = false;
    return;
  }
  ui.sendLink.disabled = true;
  const failure = await askForLink('/api/review/signin', { email, console: 'staff' });
  ui.sendLink.disabled = false;
  if (failure === null) {
    ui.signinSent.textContent = `Check your e-mail. If ${email} belongs to the staff, a sign-in link is on its way; it works once, for 15 minutes.`;
    ui.signinSent.hidden = false;
  } else {
    showMessage(failure);
  }
}

async function exchange(token) {
  show(ui.busyView);
  const answer = await reviewerSession(token);
  if (answer.session) {
    session = answer.session;
    const month = new Date().toISOString().slice(0, 7);
    ui.from.value = ui.from.value || month;
    ui.to.value = ui.to.value || month;
    show(ui.trendsView);
    load();
    return;
  }
  showSignIn();
  showMessage(answer.failure);
}

function signOut() {
  session = null;
  ui.figures.hidden = true;
  showSignIn();
}

// Each load is numbered; only the answer to the latest one is shown, so a slow earlier answer cannot
// overwrite the period asked for after it.
let latestLoad = 0;

async function load() {
  const thisLoad = ++latestLoad;
  if (!session) {
    showSignIn();
    return;
  }
  ui.message.hidden = true;
  if (!periodIsValid()) {
    ui.figures.hidden = true;
    return;
  }
  ui.loading.hidden = false;
  const query = new URLSearchParams({ from: ui.from.value, to: ui.to.value });
  let response;
  try {
    [response] = await Promise.all([
      getJson(`/api/staff/trends?${query}`, { Authorization: `Bearer ${session.accessToken}` }),
      loadLabels(),
    ]);
  } catch {
    response = null;
  }
  if (thisLoad !== latestLoad) {
    return;
  }
  ui.loading.hidden = true;
  if (response && response.status === 200 && response.data) {
    render(response.data);
    return;
  }
  ui.figures.hidden = true;
  const fieldErrors = Object.fromEntries(problemErrors(response?.data).map(([field, reasons]) =>
    [field, reasons.map((reason) => sentence(field.toLowerCase() === 'to' ? '"To"' : '"From"', reason))]));
  if (response && response.status === 400 && showFieldErrors(fieldErrors)) {
    return;
  }
  if (response && response.status === 401) {
    session = null;
    showSignIn();
    showMessage('Your session has ended. Sign in again to go on.');
  } else if (response && response.status === 403) {
    showMessage('The trend figures are for staff. Your address is not on the staff list.');
  } else {
    showMessage(response ? problemTitle(response.data) ?? failureMessage(response.status, response.retryAfter, 'request') : 'Could not reach NearMiss. Check your connection and try again.');
  }
}

/** Checks the period in the page first, so a mistake is named next to its field. */
function periodIsValid() {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const errors = {};
  if (!month.test(ui.from.value)) {
    errors.from = ['Enter the first month, as year and month.'];
  }
  if (!month.test(ui.to.value)) {
    errors.to = ['Enter the last month, as year and month.'];
  } else if (!errors.from && ui.from.value > ui.to.value) {
    errors.from = ['"From" must not be after "To".'];
  }
  return !showFieldErrors(errors);
}

/** Shows each field's reasons under its label; true when there was any. */
function showFieldErrors(errors) {
  let any = false;
  for (const [field, input, error] of [['from', ui.from, ui.errFrom], ['to', ui.to, ui.errTo]]) {
    const reasons = errors?.[field] ?? errors?.[field[0].toUpperCase() + field.slice(1)];
    const text = Array.isArray(reasons) ? reasons.join(' ') : '';
    error.textContent = text;
    error.hidden = text === '';
    input.setAttribute('aria-invalid', text === '' ? 'false' : 'true');
    any ||= text !== '';
  }
  return any;
}

async function loadLabels() {
  if (labels.size > 0) {
    return;
  }
  try {
    const response = await getJson('/api/form');
    if (response.status === 200 && Array.isArray(response.data?.questions)) {
      labels = new Map(response.data.questions.map((q) => [q.id, new Map((q.options ?? []).map((o) => [o.value, String(o.label ?? o.value)]))]));
    }
  } catch {
    // The tables then show the ids.
  }
}

function render(data) {
  ui.periodName.textContent = data.from === data.to ? data.from : `${data.from} to ${data.to}`;
  const totals = data.totals ?? {};
  ui.totals.replaceChildren(
    ...[
      ['Received', totals.received],
      ['Published', totals.published],
      ['Not publishable', totals.notPublished],
      ['Backlog (in review)', totals.inReview],
    ].flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: String(value ?? 0) })]),
  );
  const days = data.reviewDays ?? {};
  ui.reviewDays.textContent = days.closed
    ? `Median ${days.p50} business days, 90th percentile ${days.p90}, over ${days.closed} closed cases; ${days.withinPromise} within 10 business days (${PROMISE}).`
    : `No case closed in this period (${PROMISE}).`;
  fill(ui.byCallType, data.byCallType, 'callType');
  fill(ui.byFactor, data.byFactor, 'factors');
  const urgent = Array.isArray(data.urgentHazards) ? data.urgentHazards : [];
  ui.urgent.replaceChildren(...(urgent.length ? urgent.map((u) => el('li', { text: `${u.month}: ${u.title}` })) : [el('li', { text: 'None in this period.' })]));
  const charts = data.charts ?? {};
  ui.charts.replaceChildren(
    ...Object.entries(CHART_WORDS)
      .filter(([name]) => typeof charts[name] === 'string' && charts[name].startsWith('data:image/png;base64,'))
      .map(([name, words]) => el('figure', {}, el('img', { src: charts[name], alt: words, width: 640, height: 360 }), el('figcaption', { text: words }))),
  );
  ui.figures.hidden = false;
}

function fill(table, rows, question) {
  const items = Array.isArray(rows) ? rows : [];
  const words = labels.get(question);
  table.tBodies[0].replaceChildren(
    ...(items.length
      ? items.map((r) => el('tr', {}, el('td', { text: words?.get(r.value) ?? r.value }), el('td', { text: String(r.count) })))
      : [el('tr', {}, el('td', { colspan: 2, text: 'No reports in this period.' }))]),
  );
}
