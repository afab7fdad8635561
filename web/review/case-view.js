// The review console's case view: the case's text with its redaction editors (editors.js), the answers, the
// conversation, the stage-2 publication fields and the decision. The case on screen is this module's alone.
import { getJson, problemErrors, problemTitle, failureMessage, el } from '../api.js';
import { applyRedactions, cleanSpans } from './redact.js';
import { authed, hashParams, show, signedInReviewer, ui } from './console.js';
import { applyAll, createEditor, finishEdit, renderEditor } from './editors.js';

export const STAGE_WORDS = { 1: 'Stage 1: de-identify', 2: 'Stage 2: verify and publish' };
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


/** The case on screen: { id, stage, canAct, editors: [...], answers: Map, sent }. */
let current = null;
/** Question and option labels from the form definition, when it loads. */
export let formWords = null;
let sending = false;

/** The case on screen, or null. */
export function caseInHand() {
  return current;
}

/** Forgets the case on screen (signing out, another view, a page put away). */
export function clearCase() {
  current = null;
}

// ---------------------------------------------------------------- case

export async function showCase(id) {
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

export async function loadFormWords() {
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
  const canAct = data.canAct !== false && signedInReviewer().stages.includes(stage);
  current = { id, stage, canAct, editors: [], answers: new Map(), sent: false };
  ui.caseLoading.hidden = true;
  ui.caseBody.hidden = false;
  ui.caseMeta.textContent = [STAGE_WORDS[stage], data.openedOn ? `opened ${data.openedOn}` : '', data.status ?? ''].filter(Boolean).join(' · ');

  ui.caseUnavailable.hidden = canAct;
  const decided = data.status === 'published' || data.status === 'not-published';
  ui.caseUnavailable.textContent = canAct ? '' : decided
    ? `This case is already decided (${data.status}); there is nothing for you to do. You can still read it.`
    : !signedInReviewer().stages.includes(stage)
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

export function humanize(id) {
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

export function addLesson(text, focus = true) {
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

export function showDecisionFields() {
  const decision = chosenDecision();
  ui.questionField.hidden = decision !== 'ask';
  ui.noteField.hidden = !(current?.stage === 2 && (decision === 'back' || decision === 'reject'));
  ui.noteField.querySelector('label').textContent = decision === 'reject' ? 'Note: why it is not publishable' : 'Note for stage 1';
}

export async function sendDecision(event) {
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
