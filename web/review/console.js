// The review console: one page. The session lives in this module's memory and in this tab's sessionStorage, so
// a reload of the tab keeps it and closing the tab or signing out ends it (never cookies, localStorage or a URL).
// Views are chosen by the fragment: #case=<id> is a case, anything else the queue. A sign-in link (#token=...)
// is exchanged for a session and removed from the address at once. The case asked for before signing in is kept
// in localStorage for the 15 minutes a sign-in link lives, so the link opened in a new tab still leads to it.
import { getJson, postJson, problemErrors, problemTitle, failureMessage, el, signInFailure } from '../api.js';
import { exchangeLink, linkToken, store, stored } from '../session.js';
import { LABELS, applyRedactions, cleanSpans, overlaps, relocate, selectionOffsets } from './redact.js';

const STAGE_WORDS = { 1: 'Stage 1: de-identify', 2: 'Stage 2: verify and publish' };
const FIELD_WORDS = { narrative: 'What happened', lessonsLearned: "Reporter's lessons learned" };
const DECISIONS = {
  1: [
    ['pass', 'Pass to stage 2'],
    ['ask', 'Ask the reporter a question'],
    ['reject', 'Not publishable'],
  ],
  2: [
    ['publish', 'Publish'],
    ['back', 'Back to stage 1'],
    ['reject', 'Not publishable'],
  ],
};
const DONE_WORDS = {
  pass: 'Passed to stage 2. Nothing more for you to do: a different reviewer verifies it and publishes, and you are not e-mailed about it.',
  ask: 'Question sent. The case waits for the reporter to answer on their receipt page; the reviewers of this stage are e-mailed when the answer arrives (answers wait for the end of their batch window).',
  reject: 'Closed as not publishable. Nothing more to do.',
  publish: 'Published. Nothing more to do.',
  back: 'Returned to stage 1 with your note; its reviewers are e-mailed. Nothing for you to do until it comes back.',
};
const MIN_LESSONS = 2;
const MAX_LESSONS = 5;
const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 40;

const $ = (id) => document.getElementById(id);
const ui = {
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
/** The case on screen: { id, stage, canAct, editors: [...], answers: Map, sent }. */
let current = null;
/** Question and option labels from the form definition, when it loads. */
let formWords = null;
let sending = false;

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
  current = null;
  ui.editors.replaceChildren();
  ui.answers.replaceChildren();
});
document.addEventListener('selectionchange', rememberSelection);

route();

/** The fragment's name=value pairs (the fragment never reaches the server). */
function hashParams() {
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

function show(view) {
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

function showMessage(text) {
  ui.message.textContent = text;
  ui.message.hidden = false;
}

function hideMessage() {
  ui.message.hidden = true;
  ui.message.textContent = '';
}

// ---------------------------------------------------------------- sign-in

function showSignIn() {
  current = null;
  show(ui.signinView);
  ui.wantedCase.hidden = !wantedCase;
  ui.wantedCase.textContent = wantedCase ? `Sign in to open case ${wantedCase}.` : '';
  document.title = 'Sign in · NearMiss review';
}

async function requestLink(event) {
  event.preventDefault();
  if (sending) {
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
  sending = true;
  ui.sendLink.disabled = true;
  let response;
  try {
    response = await postJson('/api/review/signin', { email });
  } catch {
    response = null;
  } finally {
    sending = false;
    ui.sendLink.disabled = false;
  }
  if (response && response.status >= 200 && response.status < 300) {
    rememberWantedCase();
    ui.signinSent.textContent = `Check your e-mail. If ${email} belongs to a reviewer, a sign-in link is on its way; it works once, for 15 minutes.`;
    ui.signinSent.hidden = false;
  } else if (!response) {
    showMessage('Could not reach NearMiss. Check your connection and try again.');
  } else {
    showMessage(problemTitle(response.data) ?? failureMessage(response.status, response.retryAfter, 'request'));
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
  const response = await exchangeLink('/api/review/session', token);
  const data = response?.data;
  if (response && response.status === 200 && data && typeof data.accessToken === 'string' && data.reviewer) {
    const stages = (Array.isArray(data.reviewer.stages) ? data.reviewer.stages : []).map(Number).filter((s) => s === 1 || s === 2).sort();
    session = { accessToken: data.accessToken, reviewer: { id: String(data.reviewer.id ?? ''), email: String(data.reviewer.email ?? ''), stages } };
    saveSession();
    queueStage = stages[0] ?? null;
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
  showMessage(signInFailure(response));
}

function signOut() {
  forgetSession();
  forgetWantedCase();
  current = null;
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
async function authed(method, path, body) {
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
  current = null;
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

// ---------------------------------------------------------------- case

async function showCase(id) {
  current = null;
  show(ui.caseView);
  document.title = 'Case · NearMiss review';
  ui.caseTitle.textContent = `Case ${id}`;
  ui.caseMeta.textContent = '';
  ui.caseBody.hidden = true;
  ui.caseLoading.hidden = false;
  ui.caseLoading.className = '';
  ui.caseLoading.textContent = 'Loading the case…';
  const [response] = await Promise.all([authed('GET', `/api/review/cases/${encodeURIComponent(id)}`), loadFormWords()]);
  if (!response || response.status === 401 || hashParams().get('case') !== id) {
    if (!response) {
      ui.caseLoading.textContent = 'Could not reach NearMiss. Check your connection and reload the case.';
    }
    return;
  }
  if (response.status !== 200 || !response.data) {
    ui.caseLoading.className = 'notice notice-error';
    ui.caseLoading.textContent = response.status === 404
      ? 'No case has this id, or it is no longer in review.'
      : problemTitle(response.data) ?? failureMessage(response.status, null, 'request');
    return;
  }
  renderCase(id, response.data);
}

async function loadFormWords() {
  if (formWords) {
    return;
  }
  try {
    const response = await getJson('/api/form');
    if (response.status === 200 && response.data && Array.isArray(response.data.questions)) {
      formWords = new Map(response.data.questions.map((q) => [q.id, {
        label: String(q.label ?? q.id),
        options: new Map((q.options ?? []).map((o) => [o.value, String(o.label ?? o.value)])),
      }]));
    }
  } catch {
    // Answers are then shown by their ids.
  }
}

function renderCase(id, data) {
  const stage = Number(data.stage) === 2 ? 2 : 1;
  const canAct = data.canAct !== false && session.reviewer.stages.includes(stage);
  current = { id, stage, canAct, editors: [], answers: new Map(), sent: false };
  ui.caseLoading.hidden = true;
  ui.caseBody.hidden = false;
  ui.caseMeta.textContent = [STAGE_WORDS[stage], data.openedOn ? `opened ${data.openedOn}` : '', data.status ?? ''].filter(Boolean).join(' · ');

  ui.caseUnavailable.hidden = canAct;
  const decided = data.status === 'published' || data.status === 'not-published';
  ui.caseUnavailable.textContent = canAct ? '' : decided
    ? `This case is already decided (${data.status}); there is nothing for you to do. You can still read it.`
    : !session.reviewer.stages.includes(stage)
      ? `This case is in stage ${stage}, which you do not review. You can read it but not act on it.`
      : 'Not available to you: you reviewed this case in the other stage, and a second reviewer must decide (four eyes). You can read it but not act on it.';
  ui.caseReason.hidden = !data.reason || decided;
  ui.caseReason.textContent = data.reason ? `Note: ${data.reason}` : '';
  ui.caseRare.hidden = data.rareCombination !== true;
  ui.caseRare.textContent = data.rareCombination === true
    ? `Rare combination of answers: ${String(data.rareReason || 'few published reports share this region, agency type and agency size').replace(/[.\s]+$/, '')}. Consider dropping one of these answers so the report cannot point to one agency.`
    : '';

  const messages = Array.isArray(data.messages) ? data.messages : [];
  const conversation = messages.filter((m) => m?.from !== 'note');
  const notes = messages.filter((m) => m?.from === 'note');
  ui.caseMessages.hidden = conversation.length === 0;
  ui.caseMessageList.replaceChildren(...conversation.map(messageItem));
  ui.caseNotes.hidden = notes.length === 0;
  ui.caseNoteList.replaceChildren(...notes.map(messageItem));

  const findings = Array.isArray(data.findings) ? data.findings : [];
  ui.editors.replaceChildren();
  for (const field of ['narrative', 'lessonsLearned']) {
    const text = typeof data[field] === 'string' ? data[field] : '';
    if (field === 'lessonsLearned' && text === '') {
      continue;
    }
    const spans = cleanSpans(text, findings
      .filter((f) => f && f.field === field)
      .map((f) => ({ start: Number(f.start), end: Number(f.end), label: String(f.label ?? 'OTHER'), source: 'auto', decision: null })));
    const editor = createEditor(field, text, spans);
    current.editors.push(editor);
    ui.editors.append(editor.root);
  }
  ui.applyMessage.textContent = '';
  ui.apply.disabled = !canAct;

  renderAnswers(data.answers && typeof data.answers === 'object' ? data.answers : {});

  ui.publication.hidden = stage !== 2;
  if (stage === 2) {
    const publication = data.publication && typeof data.publication === 'object' ? data.publication : {};
    ui.pubTitle.value = String(publication.title ?? '');
    ui.pubSummary.value = String(publication.summary ?? '');
    ui.pubTags.value = (Array.isArray(publication.tags) ? publication.tags : []).join(', ');
    ui.pubUrgent.checked = publication.urgent === true;
    ui.pubLessons.replaceChildren();
    const lessons = Array.isArray(publication.lessons) ? publication.lessons.map(String) : [];
    while (lessons.length < MIN_LESSONS) {
      lessons.push('');
    }
    lessons.slice(0, MAX_LESSONS).forEach((lesson) => addLesson(lesson, false));
    for (const control of [ui.pubTitle, ui.pubSummary, ui.pubTags, ui.pubUrgent]) {
      control.disabled = !canAct;
    }
  }

  ui.decisionLegend.textContent = stage === 1 ? 'Stage 1 decision' : 'Stage 2 decision';
  ui.decisionChoices.replaceChildren(...DECISIONS[stage].map(([value, words]) =>
    el('div', { class: 'choice' },
      el('input', { type: 'radio', name: 'decision', id: `decision-${value}`, value }),
      el('label', { for: `decision-${value}` }, words))));
  ui.question.value = '';
  ui.note.value = '';
  ui.decision.hidden = !canAct;
  ui.decisionErrors.hidden = true;
  ui.decisionDone.hidden = true;
  showDecisionFields();
  ui.caseTitle.focus();
}

function messageItem(message) {
  if (typeof message === 'string') {
    return el('li', {}, message);
  }
  const who = message?.from === 'reporter' ? 'Reporter' : message?.from === 'reviewer' ? 'Reviewer' : message?.from === 'note' ? 'Note' : String(message?.from ?? '');
  return el('li', {},
    el('span', { class: 'message-from' }, `${who}${message?.on ? ` (${message.on})` : ''}: `),
    String(message?.text ?? ''));
}

// ---------------------------------------------------------------- redaction editors

/** One text with its highlights, finding decisions, marking by selection and a plain-text edit mode. */
function createEditor(field, text, spans) {
  const words = FIELD_WORDS[field] ?? field;
  const editor = { field, text, spans, editing: false, selection: null };
  const view = el('div', { class: 'redact-text', id: `text-${field}`, role: 'group', 'aria-label': `${words}: text`, 'data-field': field });
  const textarea = el('textarea', { id: `edit-${field}`, rows: '12', spellcheck: 'false', hidden: true, 'aria-label': `${words}: edit the text` });
  const labelSelect = el('select', { id: `mark-label-${field}`, class: 'mark-label' },
    Object.entries(LABELS).map(([value, name]) => el('option', { value }, `${value} (${name})`)));
  const mark = el('button', { type: 'button', class: 'secondary', id: `mark-${field}` }, 'Mark the selection');
  const edit = el('button', { type: 'button', class: 'secondary', id: `toggle-edit-${field}`, 'aria-pressed': 'false' }, 'Edit text');
  const error = el('p', { class: 'field-error', role: 'alert', hidden: true });
  const list = el('ul', { class: 'findings', id: `findings-${field}`, 'aria-label': `${words}: findings` });
  const tools = el('div', { class: 'actions redact-tools' },
    el('label', { for: `mark-label-${field}`, class: 'inline-label' }, 'Label'), labelSelect, mark, edit);
  editor.root = el('section', { class: 'editor', 'data-field': field, 'aria-labelledby': `title-${field}` },
    el('h3', { id: `title-${field}` }, words), view, textarea, current.canAct ? tools : null, error, list);
  Object.assign(editor, { view, textarea, list, error, edit, mark, labelSelect });

  mark.addEventListener('click', () => markSelection(editor));
  edit.addEventListener('click', () => toggleEdit(editor));
  view.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('mark[data-index]') : null;
    if (target) {
      editor.list.querySelector(`[data-index="${target.dataset.index}"] button`)?.focus();
    }
  });
  renderEditor(editor);
  return editor;
}

function renderEditor(editor) {
  const { text } = editor;
  editor.spans = cleanSpans(text, editor.spans);
  const nodes = [];
  let at = 0;
  editor.spans.forEach((span, index) => {
    if (span.start > at) {
      nodes.push(document.createTextNode(text.slice(at, span.start)));
    }
    nodes.push(el('mark', {
      class: `finding ${span.decision ?? 'undecided'}`, 'data-label': span.label, 'data-index': String(index),
      title: `${span.label}: ${decisionWords(span)}`,
    }, text.slice(span.start, span.end)));
    at = span.end;
  });
  if (at < text.length) {
    nodes.push(document.createTextNode(text.slice(at)));
  }
  editor.view.replaceChildren(...nodes);
  editor.list.replaceChildren(...editor.spans.map((span, index) => findingRow(editor, span, index)));
  editor.list.hidden = editor.spans.length === 0;
}

function decisionWords(span) {
  return span.decision === 'accept' ? 'will be redacted' : span.decision === 'reject' ? 'kept' : 'not decided';
}

function findingRow(editor, span, index) {
  const words = editor.text.slice(span.start, span.end);
  const row = el('li', { class: `finding-row ${span.decision ?? 'undecided'}`, 'data-index': String(index), 'data-source': span.source },
    el('mark', { class: 'finding-label' }, span.label),
    ' ',
    el('q', { class: 'finding-words' }, words),
    ' ',
    el('span', { class: 'finding-state' }, span.source === 'manual' ? `marked by you, ${decisionWords(span)}` : decisionWords(span)));
  if (current.canAct) {
    const redact = el('button', { type: 'button', class: 'small secondary', 'aria-pressed': span.decision === 'accept' ? 'true' : 'false', 'aria-label': `Redact “${words}” (${span.label})` }, 'Redact');
    const keep = el('button', { type: 'button', class: 'small secondary', 'aria-pressed': span.decision === 'reject' ? 'true' : 'false', 'aria-label': `Keep “${words}” (${span.label})` }, 'Keep');
    redact.addEventListener('click', () => decide(editor, index, 'accept'));
    keep.addEventListener('click', () => decide(editor, index, 'reject'));
    row.append(' ', redact, ' ', keep);
    if (span.source === 'manual') {
      const remove = el('button', { type: 'button', class: 'small link-button', 'aria-label': `Remove the mark on “${words}”` }, 'Remove');
      remove.addEventListener('click', () => {
        editor.spans.splice(index, 1);
        renderEditor(editor);
      });
      row.append(' ', remove);
    }
  }
  return row;
}

function decide(editor, index, decision) {
  const span = editor.spans[index];
  if (!span) {
    return;
  }
  span.decision = decision;
  renderEditor(editor);
  editor.list.querySelector(`[data-index="${index}"] button[aria-pressed="true"]`)?.focus();
}

function rememberSelection() {
  if (!current) {
    return;
  }
  for (const editor of current.editors) {
    if (!editor.editing) {
      const offsets = selectionOffsets(editor.view);
      if (offsets) {
        editor.selection = offsets;
      }
    }
  }
}

function markSelection(editor) {
  editor.error.hidden = true;
  if (editor.editing) {
    finishEdit(editor);
  }
  const offsets = selectionOffsets(editor.view) ?? editor.selection;
  editor.selection = null;
  if (!offsets) {
    showEditorError(editor, 'Select the words to mark in the text first.');
    return;
  }
  let { start, end } = offsets;
  while (start < end && /\s/.test(editor.text[start])) {
    start += 1;
  }
  while (end > start && /\s/.test(editor.text[end - 1])) {
    end -= 1;
  }
  if (start >= end) {
    showEditorError(editor, 'The selection is only spaces. Select the words to mark.');
    return;
  }
  if (overlaps(editor.spans, start, end)) {
    showEditorError(editor, 'The selection overlaps a highlight. Redact or keep that highlight, or select other words.');
    return;
  }
  editor.spans.push({ start, end, label: editor.labelSelect.value, source: 'manual', decision: 'accept' });
  window.getSelection()?.removeAllRanges();
  renderEditor(editor);
}

function showEditorError(editor, text) {
  editor.error.textContent = text;
  editor.error.hidden = false;
}

function toggleEdit(editor) {
  if (editor.editing) {
    finishEdit(editor);
    editor.view.focus();
    return;
  }
  editor.error.hidden = true;
  editor.editing = true;
  editor.textarea.value = editor.text;
  editor.textarea.hidden = false;
  editor.view.hidden = true;
  editor.mark.disabled = true;
  editor.edit.textContent = 'Done editing';
  editor.edit.setAttribute('aria-pressed', 'true');
  editor.textarea.focus();
}

function finishEdit(editor) {
  if (!editor.editing) {
    return;
  }
  const edited = editor.textarea.value;
  const before = editor.spans.length;
  editor.spans = relocate(editor.text, edited, editor.spans);
  editor.text = edited;
  editor.editing = false;
  editor.textarea.hidden = true;
  editor.view.hidden = false;
  editor.mark.disabled = false;
  editor.edit.textContent = 'Edit text';
  editor.edit.setAttribute('aria-pressed', 'false');
  renderEditor(editor);
  const lost = before - editor.spans.length;
  if (lost > 0) {
    showEditorError(editor, `${lost} ${lost === 1 ? 'highlight' : 'highlights'} no longer matched the edited words and ${lost === 1 ? 'was' : 'were'} removed.`);
  }
}

/**
 * Replaces every redacted span with its label. With `strict`, refuses while a finding is undecided.
 * Returns false (and says why) when it refused.
 */
function applyAll(strict) {
  if (!current) {
    return false;
  }
  current.editors.forEach(finishEdit);
  const undecided = current.editors.reduce((n, e) => n + e.spans.filter((s) => !s.decision).length, 0);
  if (strict && undecided > 0) {
    ui.applyMessage.textContent = `Decide on each highlight first: ${undecided} ${undecided === 1 ? 'is' : 'are'} not decided (Redact or Keep).`;
    ui.applyMessage.className = 'field-error';
    return false;
  }
  let applied = 0;
  for (const editor of current.editors) {
    const redacted = editor.spans.filter((s) => s.decision === 'accept');
    applied += redacted.length;
    editor.text = applyRedactions(editor.text, redacted);
    editor.spans = [];
    renderEditor(editor);
  }
  ui.applyMessage.className = '';
  ui.applyMessage.textContent = applied === 0
    ? 'Nothing to redact: every highlight is kept.'
    : `Applied ${applied} ${applied === 1 ? 'redaction' : 'redactions'}.`;
  return true;
}

// ---------------------------------------------------------------- answers

function renderAnswers(answers) {
  current.answers = new Map();
  const items = [];
  for (const [id, value] of Object.entries(answers)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined).map(String);
    const words = formWords?.get(id);
    const label = words?.label ?? humanize(id);
    const shown = values.map((v) => words?.options.get(v) ?? v).join(', ');
    const state = { value, dropped: false };
    current.answers.set(id, state);
    const drop = el('input', { type: 'checkbox', id: `drop-${id}`, disabled: !current.canAct });
    drop.addEventListener('change', () => {
      state.dropped = drop.checked;
      item.classList.toggle('dropped', drop.checked);
    });
    const item = el('li', { class: 'answer', 'data-question': id },
      el('span', { class: 'answer-q' }, /[?:]$/.test(label) ? label : `${label}:`), ' ', el('span', { class: 'answer-v' }, shown || '—'),
      el('span', { class: 'check answer-drop' }, drop, el('label', { for: `drop-${id}`, 'aria-label': `Drop “${label}” before publication` }, 'Drop')));
    items.push(item);
  }
  ui.answers.replaceChildren(...(items.length ? items : [el('li', {}, 'No answers.')]));
}

function humanize(id) {
  const words = String(id).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function keptAnswers() {
  const kept = {};
  for (const [id, state] of current.answers) {
    if (!state.dropped) {
      kept[id] = state.value;
    }
  }
  return kept;
}

// ---------------------------------------------------------------- stage 2 publication

function addLesson(text, focus = true) {
  const count = ui.pubLessons.children.length;
  if (count >= MAX_LESSONS) {
    return;
  }
  const n = count + 1;
  const area = el('textarea', { id: `lesson-${n}`, rows: '2', maxlength: '500', class: 'lesson-text' });
  area.value = text;
  const remove = el('button', { type: 'button', class: 'small link-button', 'aria-label': `Remove lesson ${n}` }, 'Remove');
  const item = el('li', { class: 'lesson' }, el('label', { for: `lesson-${n}` }, `Lesson ${n}`), area, remove);
  remove.addEventListener('click', () => {
    item.remove();
    renumberLessons();
  });
  ui.pubLessons.append(item);
  renumberLessons();
  if (focus) {
    area.focus();
  }
}

function renumberLessons() {
  const items = [...ui.pubLessons.children];
  items.forEach((item, i) => {
    const n = i + 1;
    const area = item.querySelector('textarea');
    const label = item.querySelector('label');
    const remove = item.querySelector('button');
    area.id = `lesson-${n}`;
    label.htmlFor = `lesson-${n}`;
    label.textContent = `Lesson ${n}`;
    remove.setAttribute('aria-label', `Remove lesson ${n}`);
    remove.disabled = items.length <= MIN_LESSONS || !current?.canAct;
    area.disabled = !current?.canAct;
  });
  ui.addLesson.disabled = items.length >= MAX_LESSONS || !current?.canAct;
}

function lessons() {
  return [...ui.pubLessons.querySelectorAll('textarea')].map((a) => a.value.trim()).filter(Boolean);
}

// ---------------------------------------------------------------- decisions

function chosenDecision() {
  return ui.decision.querySelector('input[name="decision"]:checked')?.value ?? null;
}

function showDecisionFields() {
  const decision = chosenDecision();
  ui.questionField.hidden = decision !== 'ask';
  ui.noteField.hidden = !(current?.stage === 2 && (decision === 'back' || decision === 'reject'));
  ui.noteField.querySelector('label').textContent = decision === 'reject' ? 'Note: why it is not publishable' : 'Note for stage 1';
}

async function sendDecision(event) {
  event.preventDefault();
  if (!current || sending || current.sent || !current.canAct) {
    return;
  }
  const errors = [];
  const decision = chosenDecision();
  if (!decision) {
    errors.push('Choose a decision.');
  }
  if (decision === 'pass' || decision === 'publish') {
    if (!applyAll(true)) {
      errors.push(ui.applyMessage.textContent);
    }
  } else {
    current.editors.forEach(finishEdit);
  }
  if (decision === 'ask' && !ui.question.value.trim()) {
    errors.push('Write the question for the reporter.');
  }
  if (decision === 'back' && !ui.note.value.trim()) {
    errors.push('Write a note for stage 1: what should change?');
  }
  if (decision === 'publish') {
    if (!ui.pubTitle.value.trim()) {
      errors.push('Write a title.');
    }
    if (!ui.pubSummary.value.trim()) {
      errors.push('Write a summary.');
    }
    const n = lessons().length;
    if (n < MIN_LESSONS || n > MAX_LESSONS) {
      errors.push(`Write ${MIN_LESSONS} to ${MAX_LESSONS} lessons learned (there ${n === 1 ? 'is' : 'are'} ${n}).`);
    }
    const tags = ui.pubTags.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (tags.length > MAX_TAGS || tags.some((t) => t.length > MAX_TAG_LENGTH)) {
      errors.push(`Use at most ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters each.`);
    }
  }
  if (errors.length > 0) {
    showDecisionErrors(errors);
    return;
  }

  const texts = Object.fromEntries(current.editors.map((e) => [e.field, applyRedactions(e.text, e.spans.filter((s) => s.decision === 'accept'))]));
  const body = {
    decision,
    narrative: texts.narrative ?? '',
    lessonsLearned: texts.lessonsLearned ?? '',
    answers: keptAnswers(),
  };
  if (current.stage === 1 && decision === 'ask') {
    body.question = ui.question.value.trim();
  }
  if (current.stage === 2) {
    Object.assign(body, {
      title: ui.pubTitle.value.trim(),
      summary: ui.pubSummary.value.trim(),
      lessons: lessons(),
      tags: ui.pubTags.value.split(',').map((t) => t.trim()).filter(Boolean),
      urgent: ui.pubUrgent.checked,
      note: ui.note.value.trim(),
    });
  }

  const { id, stage } = current;
  sending = true;
  ui.sendDecision.disabled = true;
  ui.decisionErrors.hidden = true;
  let response;
  try {
    response = await authed('POST', `/api/review/cases/${encodeURIComponent(id)}/stage${stage}`, body);
  } finally {
    sending = false;
    ui.sendDecision.disabled = false;
  }
  if (!response) {
    showDecisionErrors(['Could not reach NearMiss. Check your connection and send the decision again.']);
    return;
  }
  if (response.status === 401 || current?.id !== id) {
    return;
  }
  if (response.status === 200) {
    current.sent = true;
    const done = DONE_WORDS[decision] ?? 'Decision sent.';
    const status = response.data?.status ? ` Status: ${response.data.status}.` : '';
    ui.decisionDone.replaceChildren(
      el('p', {}, done + status),
      el('p', {}, el('a', { href: '#queue' }, 'Back to the cases')));
    ui.decisionDone.dataset.decision = decision;
    ui.decisionDone.dataset.status = String(response.data?.status ?? '');
    ui.decision.hidden = true;
    ui.decisionDone.hidden = false;
    lockCase();
    ui.decisionDone.focus();
    return;
  }
  const fieldErrors = problemErrors(response.data).flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
  const title = problemTitle(response.data);
  if (response.status === 403) {
    showDecisionErrors([`Refused (403): ${title ?? 'you may not act on this case in this stage.'}`, ...fieldErrors]);
  } else if (response.status === 409) {
    showDecisionErrors([`Conflict (409): ${title ?? 'the case is no longer in this stage.'} Reload the case to see where it is.`, ...fieldErrors]);
  } else if (fieldErrors.length > 0) {
    showDecisionErrors([title ?? 'The decision has invalid fields.', ...fieldErrors]);
  } else {
    showDecisionErrors([title ?? failureMessage(response.status, response.retryAfter, 'decision')]);
  }
}

function showDecisionErrors(errors) {
  ui.decisionErrorList.replaceChildren(...errors.map((e) => el('li', {}, e)));
  ui.decisionErrors.hidden = false;
  ui.decisionErrors.focus();
}

/** After a decision the case is read-only on this page. */
function lockCase() {
  current.canAct = false;
  ui.apply.disabled = true;
  for (const editor of current.editors) {
    editor.root.querySelector('.redact-tools')?.remove();
    renderEditor(editor);
  }
  for (const control of ui.caseBody.querySelectorAll('#answers input, #publication input, #publication textarea, #publication button')) {
    control.disabled = true;
  }
}
