// The review console: one page. The session lives in this module's memory and in this tab's sessionStorage, so
// a reload of the tab keeps it and closing the tab or signing out ends it (never cookies, localStorage or a URL).
// Views are chosen by the fragment: #case=<id> is a case (case-view.js, with the redaction editors of editors.js),
// anything else the queue. A sign-in link (#token=...) is exchanged for a session and removed from the address at
// once. The case asked for before signing in is kept in localStorage for the 15 minutes a sign-in link lives, so the
// link opened in a new tab still leads to it.
import { getJson, postJson, problemTitle, failureMessage, el } from '../api.js';
import { askForLink, linkToken, reviewerSession, store, stored } from '../session.js';
import { STAGE_WORDS, addLesson, clearCase, formWords, humanize, loadFormWords, sendDecision, showCase, showDecisionFields } from './case-view.js';
import { applyAll, rememberSelection } from './editors.js';

const $ = (id) => document.getElementById(id);
export const ui = {
  message: $('console-message'),
  navQueue: $('nav-queue'),
  navWho: $('nav-who'),
  signOut: $('sign-out'),
  signinView: $('signin-view'),
  signinTitle: $('signin-title'),
  wantedCase: $('wanted-case'),
  signin: $('signin'),
  email: $('email'),
  errEmail: $('err-email'),
  sendLink: $('send-link'),
  signinSent: $('signin-sent'),
  paste: $('paste'),
  pasted: $('pasted-link'),
  errPasted: $('err-pasted'),
  busyView: $('busy-view'),
  queueView: $('queue-view'),
  queueTitle: $('queue-title'),
  tabs: $('stage-tabs'),
  queueStatus: $('queue-status'),
  queueTable: $('queue-table'),
  queueCaption: $('queue-caption'),
  queueRows: $('queue-rows'),
  caseView: $('case-view'),
  caseTitle: $('case-title'),
  caseMeta: $('case-meta'),
  caseLoading: $('case-loading'),
  caseBody: $('case-body'),
  caseUnavailable: $('case-unavailable'),
  caseReason: $('case-reason'),
  caseRare: $('case-rare'),
  caseMessages: $('case-messages'),
  caseMessageList: $('case-message-list'),
  caseNotes: $('case-notes'),
  caseNoteList: $('case-note-list'),
  editors: $('editors'),
  apply: $('apply'),
  applyMessage: $('apply-message'),
  answers: $('answers'),
  publication: $('publication'),
  pubTitle: $('pub-title'),
  pubSummary: $('pub-summary'),
  pubLessons: $('pub-lessons'),
  addLesson: $('add-lesson'),
  pubTags: $('pub-tags'),
  pubUrgent: $('pub-urgent'),
  decision: $('decision'),
  decisionLegend: $('decision-legend'),
  decisionChoices: $('decision-choices'),
  questionField: $('question-field'),
  question: $('question'),
  noteField: $('note-field'),
  note: $('note'),
  decisionErrors: $('decision-errors'),
  decisionErrorList: $('decision-error-list'),
  sendDecision: $('send-decision'),
  decisionDone: $('decision-done'),
};

const SESSION_KEY = 'nearmiss.review.session';
const WANTED_KEY = 'nearmiss.review.wanted';
const WANTED_FOR_MS = 15 * 60 * 1000;

/** { accessToken, reviewer: { id, email, stages } } while signed in; also in this tab's sessionStorage. */
let session = null;
/** The case asked for before signing in (from the fragment or an e-mail link). */
let wantedCase = null;
/** The stage tab shown in the queue. */
let queueStage = null;
/** A sign-in link is being asked for. */
let requesting = false;

ui.signin.addEventListener('submit', requestLink);
ui.paste.addEventListener('submit', signInWithPastedLink);
ui.signOut.addEventListener('click', signOut);
ui.apply.addEventListener('click', () => applyAll(true));
ui.addLesson.addEventListener('click', () => addLesson(''));
ui.decision.addEventListener('submit', sendDecision);
ui.decision.addEventListener('change', showDecisionFields);
window.addEventListener('hashchange', route);
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    route();
  }
});
// Nothing of a case or the session stays in a page kept by the back/forward cache.
window.addEventListener('pagehide', () => {
  session = null;
  clearCase();
  ui.editors.replaceChildren();
  ui.answers.replaceChildren();
});
document.addEventListener('selectionchange', rememberSelection);

route();

/** The fragment's name=value pairs (the fragment never reaches the server). */
export function hashParams() {
  const params = new Map();
  for (const part of location.hash.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at > 0) {
      try {
        params.set(part.slice(0, at), decodeURIComponent(part.slice(at + 1)));
      } catch {
        // A malformed escape: ignore that pair.
      }
    }
  }
  return params;
}

function caseHash(id) {
  return `#case=${encodeURIComponent(id)}`;
}

function route() {
  hideMessage();
  restoreSession();
  const params = hashParams();
  if (params.has('token')) {
    if (params.has('case')) {
      wantedCase = params.get('case');
    }
    const token = params.get('token');
    // The one-time token leaves the address bar and the history entry before anything else happens.
    history.replaceState(null, '', location.pathname + (wantedCase ? caseHash(wantedCase) : ''));
    exchange(token);
    return;
  }
  if (params.has('case') && params.get('case')) {
    if (!session) {
      wantedCase = params.get('case');
      showSignIn();
      return;
    }
    showCase(params.get('case'));
    return;
  }
  if (!session) {
    showSignIn();
    return;
  }
  showQueue();
}

export function show(view) {
  for (const v of [ui.signinView, ui.busyView, ui.queueView, ui.caseView]) {
    v.hidden = v !== view;
  }
  const signedIn = session !== null;
  ui.navQueue.hidden = !signedIn;
  ui.navWho.hidden = !signedIn;
  ui.signOut.hidden = !signedIn;
  ui.navWho.textContent = signedIn
    ? `${session.reviewer.email} · stage ${session.reviewer.stages.join(' and ')}`
    : '';
}

export function showMessage(text) {
  ui.message.textContent = text;
  ui.message.hidden = false;
}

export function hideMessage() {
  ui.message.hidden = true;
  ui.message.textContent = '';
}

// ---------------------------------------------------------------- sign-in

function showSignIn() {
  clearCase();
  show(ui.signinView);
  ui.wantedCase.hidden = !wantedCase;
  ui.wantedCase.textContent = wantedCase ? `Sign in to open case ${wantedCase}.` : '';
  document.title = 'Sign in · NearMiss review';
}

async function requestLink(event) {
  event.preventDefault();
  if (requesting) {
    return;
  }
  ui.errEmail.hidden = true;
  ui.email.removeAttribute('aria-invalid');
  ui.signinSent.hidden = true;
  const email = ui.email.value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    ui.errEmail.textContent = 'Enter your e-mail address, like name@example.org.';
    ui.errEmail.hidden = false;
    ui.email.setAttribute('aria-invalid', 'true');
    ui.email.focus();
    return;
  }
  requesting = true;
  ui.sendLink.disabled = true;
  const failure = await askForLink('/api/review/signin', { email });
  requesting = false;
  ui.sendLink.disabled = false;
  if (failure === null) {
    rememberWantedCase();
    ui.signinSent.textContent = `Check your e-mail. If ${email} belongs to a reviewer, a sign-in link is on its way; it works once, for 15 minutes.`;
    ui.signinSent.hidden = false;
  } else {
    showMessage(failure);
  }
}

function signInWithPastedLink(event) {
  event.preventDefault();
  ui.errPasted.hidden = true;
  const token = linkToken(ui.pasted.value.trim());
  ui.pasted.value = '';
  if (token === null) {
    ui.errPasted.textContent = 'That is not a sign-in link. Paste the whole link from the e-mail.';
    ui.errPasted.hidden = false;
    return;
  }
  exchange(token);
}

async function exchange(token) {
  show(ui.busyView);
  const answer = await reviewerSession(token);
  if (answer.session) {
    session = answer.session;
    saveSession();
    queueStage = session.reviewer.stages[0] ?? null;
    wantedCase = wantedCase ?? takeWantedCase();
    forgetWantedCase();
    if (wantedCase) {
      const id = wantedCase;
      wantedCase = null;
      history.replaceState(null, '', location.pathname + caseHash(id));
    }
    route();
    return;
  }
  showSignIn();
  showMessage(answer.failure);
}

function signOut() {
  forgetSession();
  forgetWantedCase();
  clearCase();
  wantedCase = null;
  ui.editors.replaceChildren();
  ui.answers.replaceChildren();
  history.replaceState(null, '', location.pathname);
  route();
}

// ---------------------------------------------------------------- session and wanted case in storage

function saveSession() {
  store(sessionStorage, SESSION_KEY, session);
}

/** The session this tab held before a reload, if any. */
function restoreSession() {
  if (session) {
    return;
  }
  const saved = stored(sessionStorage, SESSION_KEY);
  if (saved && typeof saved.accessToken === 'string' && saved.reviewer && Array.isArray(saved.reviewer.stages)) {
    session = saved;
    queueStage = queueStage ?? saved.reviewer.stages[0] ?? null;
  }
}

function forgetSession() {
  session = null;
  store(sessionStorage, SESSION_KEY, null);
}

function rememberWantedCase() {
  if (!wantedCase) {
    return;
  }
  try {
    localStorage.setItem(WANTED_KEY, JSON.stringify({ id: wantedCase, until: Date.now() + WANTED_FOR_MS }));
  } catch {
    // The link then opens the queue in a new tab; in this tab the case is still remembered.
  }
}

function takeWantedCase() {
  try {
    const saved = JSON.parse(localStorage.getItem(WANTED_KEY) ?? 'null');
    return saved && typeof saved.id === 'string' && saved.id && Number(saved.until) > Date.now() ? saved.id : null;
  } catch {
    return null;
  }
}

function forgetWantedCase() {
  try {
    localStorage.removeItem(WANTED_KEY);
  } catch {
    // Nothing stored.
  }
}

/** A request with the session; on 401 the session is over and the reviewer signs in again. */
export async function authed(method, path, body) {
  const headers = { Authorization: `Bearer ${session.accessToken}` };
  let response;
  try {
    response = method === 'GET' ? await getJson(path, headers) : await postJson(path, body, headers);
  } catch {
    return null;
  }
  if (response.status === 401) {
    forgetSession();
    const id = hashParams().get('case');
    wantedCase = id || null;
    showSignIn();
    showMessage('Your session has ended. Sign in again to go on.');
  }
  return response;
}

// ---------------------------------------------------------------- queue

function showQueue() {
  clearCase();
  show(ui.queueView);
  document.title = 'Cases · NearMiss review';
  const stages = session.reviewer.stages;
  if (!stages.includes(queueStage)) {
    queueStage = stages[0] ?? null;
  }
  ui.tabs.replaceChildren(...stages.map((stage) => {
    const tab = el('button', {
      type: 'button', role: 'tab', id: `tab-${stage}`, class: 'tab',
      'aria-selected': stage === queueStage ? 'true' : 'false', 'aria-controls': 'queue-panel',
      tabindex: stage === queueStage ? '0' : '-1', text: STAGE_WORDS[stage],
    });
    tab.addEventListener('click', () => {
      queueStage = stage;
      showQueue();
      $(`tab-${stage}`)?.focus();
    });
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const next = stages[(stages.indexOf(stage) + (event.key === 'ArrowRight' ? 1 : stages.length - 1)) % stages.length];
        queueStage = next;
        showQueue();
        $(`tab-${next}`)?.focus();
      }
    });
    return tab;
  }));
  ui.tabs.hidden = stages.length === 0;
  ui.queueTable.hidden = true;
  ui.queueRows.replaceChildren();
  if (queueStage === null) {
    ui.queueStatus.textContent = 'Your account holds no review stage. Ask the programme staff.';
    return;
  }
  ui.queueView.setAttribute('aria-labelledby', 'queue-title');
  ui.queueStatus.textContent = 'Loading the cases…';
  loadQueue(queueStage);
}

async function loadQueue(stage) {
  const [response] = await Promise.all([authed('GET', `/api/review/cases?stage=${stage}`), loadFormWords()]);
  if (!response || response.status === 401 || queueStage !== stage || ui.queueView.hidden) {
    if (!response) {
      ui.queueStatus.textContent = 'Could not reach NearMiss. Check your connection and reload the cases.';
    }
    return;
  }
  if (response.status !== 200 || !response.data || !Array.isArray(response.data.items)) {
    ui.queueStatus.textContent = problemTitle(response.data) ?? failureMessage(response.status, null, 'request');
    return;
  }
  const items = response.data.items;
  ui.queueStatus.textContent = items.length === 0
    ? `No case is waiting in stage ${stage}.`
    : `${items.length} ${items.length === 1 ? 'case is' : 'cases are'} waiting in stage ${stage}, oldest first.`;
  ui.queueCaption.textContent = STAGE_WORDS[stage];
  ui.queueRows.replaceChildren(...items.map(queueRow));
  ui.queueTable.hidden = items.length === 0;
}

function queueRow(item) {
  const id = String(item.id ?? '');
  const canAct = item.canAct !== false;
  const days = Number(item.waitingDays ?? 0);
  const findings = Number(item.findingCount ?? 0);
  const callType = item.callType ? (formWords?.get('callType')?.options.get(item.callType) ?? humanize(item.callType)) : 'Call type not given';
  const heading = [callType, item.month ? monthWords(item.month) : ''].filter(Boolean).join(', ');
  const excerpt = String(item.excerpt ?? '');
  return el('tr', { class: canAct ? 'case-row' : 'case-row unavailable', 'data-case': id },
    el('th', { scope: 'row' },
      canAct ? el('a', { href: caseHash(id), class: 'case-title' }, heading) : el('span', { class: 'case-title' }, heading),
      excerpt ? el('span', { class: 'case-excerpt' }, excerpt) : null,
      el('span', { class: 'case-id' }, `Case ${id}`)),
    el('td', {}, `Stage ${Number(item.stage ?? 0) || ''}`),
    el('td', {}, `${days} ${days === 1 ? 'day' : 'days'}`),
    el('td', {}, `${findings} ${findings === 1 ? 'finding' : 'findings'}`),
    el('td', {}, canAct ? 'Ready for you' : 'Not available to you: you reviewed it in the other stage (four eyes)'));
}

function monthWords(month) {
  const [year, number] = String(month).split('-').map(Number);
  if (!year || !number) {
    return String(month);
  }
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The signed-in reviewer ({ id, email, stages }), or null. */
export function signedInReviewer() {
  return session?.reviewer ?? null;
}
