// The report form: rendered from GET /api/form, checked here as the server checks it, sent to
// POST /api/reports, then replaced by the receipt, shown once.
import { getJson, postJson, problemErrors, sentence, failureMessage, el } from './api.js';
import { markPreviewStale, probePiiPreview } from './form-pii.js';

/** Single-choice questions with more options than this are a select instead of radio buttons. */
const SELECT_ABOVE = 12;
const EARLIEST_MONTH = '2000-01';
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const $ = (id) => document.getElementById(id);
const ui = {
  loading: $('form-loading'),
  reportView: $('report-view'),
  form: $('report'),
  questions: $('questions'),
  narrative: $('narrative'),
  narrativeLimits: $('narrative-limits'),
  narrativeCount: $('narrative-count'),
  lessons: $('lessonsLearned'),
  lessonsCount: $('lessons-count'),
  agencyCode: $('agencyCode'),
  summary: $('error-summary'),
  errorList: $('error-list'),
  sendMessage: $('send-message'),
  send: $('send'),
  piiCheck: $('pii-check'),
  piiButton: $('pii-button'),
  piiResult: $('pii-result'),
  receiptView: $('receipt-view'),
  receiptTitle: $('receipt-title'),
  receiptValue: $('receipt-value'),
  copy: $('copy-receipt'),
  copyMessage: $('copy-message'),
  saved: $('receipt-saved'),
  done: $('receipt-done'),
  thanksView: $('thanks-view'),
  thanksTitle: $('thanks-title'),
};

/** The form definition from the server. */
let definition = null;
/** Field name as the server reports errors (answers.callType, narrative, ...) → { name, focus, error, controls }. */
const fields = new Map();
/** True once the reporter typed or chose something that has not been sent. */
let unsent = false;
/** The receipt while it is on screen; null before and after. */
let receipt = null;
let sending = false;

start();

async function start() {
  let response;
  try {
    response = await getJson('/api/form');
  } catch {
    response = null;
  }
  if (!response || response.status !== 200 || !response.data || !Array.isArray(response.data.questions)) {
    ui.loading.textContent = 'The form could not be loaded. Check your connection and reload the page.';
    ui.loading.classList.add('notice-error');
    return;
  }

  definition = response.data;
  renderQuestions();
  wireTextFields();
  ui.form.addEventListener('submit', onSubmit);
  ui.form.addEventListener('input', () => { unsent = true; });
  ui.form.addEventListener('change', () => { unsent = true; });
  window.addEventListener('beforeunload', warnBeforeLeaving);
  ui.loading.hidden = true;
  ui.form.hidden = false;
  wireReceipt();
  probePiiPreview(ui);
}

// ---------------------------------------------------------------- rendering

function renderQuestions() {
  for (const question of definition.questions) {
    ui.questions.append(renderQuestion(question));
  }
}

function renderQuestion(q) {
  const key = `answers.${q.id}`;
  const errorId = `err-${domId(key)}`;
  const hintId = q.help ? `hint-${domId(q.id)}` : null;
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  const hint = q.help ? el('p', { class: 'hint', id: hintId, text: q.help }) : null;
  const marker = q.required ? el('span', { class: 'req', text: ' (required)' }) : el('span', { class: 'opt', text: ' (optional)' });
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const options = Array.isArray(q.options) ? q.options : [];

  if (q.kind === 'single' && options.length > SELECT_ABOVE) {
    const id = `q-${domId(q.id)}`;
    const select = el('select', { id, name: q.id, 'aria-describedby': describedBy },
      el('option', { value: '', text: q.required ? 'Choose…' : 'Choose… (optional)' }),
      options.map((o) => el('option', { value: o.value, text: o.label })));
    fields.set(key, { name: shortName(q.label), focus: select, error, controls: [select] });
    return el('div', { class: 'field', id: `field-${domId(q.id)}` },
      el('label', { for: id }, q.label, marker), hint, error, select);
  }

  if (q.kind === 'single' || q.kind === 'multi') {
    const type = q.kind === 'single' ? 'radio' : 'checkbox';
    const inputs = [];
    const list = el('div', { class: `choices choices-${type}` });
    options.forEach((o, index) => {
      const id = `q-${domId(q.id)}-${index}`;
      const input = el('input', { type, id, name: q.id, value: o.value });
      inputs.push(input);
      list.append(el('div', { class: 'choice' }, input, el('label', { for: id, text: o.label })));
    });

    const max = Number.isInteger(q.maxChoices) ? q.maxChoices : null;
    const limited = q.kind === 'multi' && max !== null && max < options.length;
    const limitId = limited ? `limit-${domId(q.id)}` : null;
    const limitNote = limited ? el('p', { class: 'hint counter', id: limitId }) : null;
    const fieldset = el('fieldset', { class: 'field', id: `field-${domId(q.id)}`, 'aria-describedby': [hintId, limitId, errorId].filter(Boolean).join(' ') },
      el('legend', {}, q.label, marker), hint, limitNote, error, list);

    if (limited) {
      const update = () => {
        const chosen = inputs.filter((i) => i.checked).length;
        limitNote.textContent = `${chosen} of at most ${max} chosen.`;
        for (const input of inputs) {
          input.disabled = !input.checked && chosen >= max;
        }
      };
      list.addEventListener('change', update);
      update();
    }

    if (type === 'radio' && !q.required) {
      const clear = el('button', { type: 'button', class: 'link-button', text: 'Clear this answer' });
      clear.addEventListener('click', () => {
        inputs.forEach((i) => { i.checked = false; });
        inputs[0]?.focus();
      });
      fieldset.append(clear);
    }

    fields.set(key, { name: shortName(q.label), focus: inputs[0] ?? fieldset, error, controls: inputs });
    return fieldset;
  }

  const id = `q-${domId(q.id)}`;
  const input = q.kind === 'month'
    ? el('input', { id, name: q.id, type: 'month', min: EARLIEST_MONTH, max: currentMonth(), placeholder: 'YYYY-MM', 'aria-describedby': describedBy })
    : el('input', { id, name: q.id, type: 'text', spellcheck: 'false', 'aria-describedby': describedBy });
  fields.set(key, { name: shortName(q.label), focus: input, error, controls: [input] });
  return el('div', { class: 'field', id: `field-${domId(q.id)}` },
    el('label', { for: id }, q.label, marker), hint, error, input);
}

function wireTextFields() {
  const narrative = definition.narrative ?? {};
  const lessons = definition.lessonsLearned ?? {};
  if (narrative.minLength && narrative.maxLength) {
    ui.narrativeLimits.textContent = `At least ${narrative.minLength} and at most ${narrative.maxLength} characters.`;
  }
  fields.set('narrative', { name: 'What happened', focus: ui.narrative, error: $('err-narrative'), controls: [ui.narrative] });
  fields.set('lessonsLearned', { name: 'Lessons learned', focus: ui.lessons, error: $('err-lessonsLearned'), controls: [ui.lessons] });
  fields.set('agencyCode', { name: 'Agency code', focus: ui.agencyCode, error: $('err-agencyCode'), controls: [ui.agencyCode] });

  const agencyMax = definition.agencyCode?.maxLength;
  if (agencyMax) {
    ui.agencyCode.maxLength = agencyMax;
  }

  const count = (textarea, output, limits) => {
    const length = textarea.value.trim().length;
    output.classList.toggle('over', Boolean(limits.maxLength) && length > limits.maxLength);
    if (limits.minLength && length < limits.minLength) {
      output.textContent = `${length} characters (at least ${limits.minLength} needed)`;
    } else if (limits.maxLength && length > limits.maxLength) {
      output.textContent = `${length} of ${limits.maxLength} characters: ${length - limits.maxLength} too many`;
    } else {
      output.textContent = limits.maxLength ? `${length} of ${limits.maxLength} characters` : `${length} characters`;
    }
  };
  const onNarrative = () => { count(ui.narrative, ui.narrativeCount, narrative); markPreviewStale(); };
  const onLessons = () => { count(ui.lessons, ui.lessonsCount, lessons); markPreviewStale(); };
  ui.narrative.addEventListener('input', onNarrative);
  ui.lessons.addEventListener('input', onLessons);
  onNarrative();
  onLessons();
}

// ---------------------------------------------------------------- reading and checking

function readAnswers() {
  const answers = {};
  for (const q of definition.questions) {
    const controls = fields.get(`answers.${q.id}`)?.controls ?? [];
    let value = null;
    if (q.kind === 'multi') {
      const chosen = controls.filter((c) => c.checked).map((c) => c.value);
      value = chosen.length > 0 ? chosen : null;
    } else if (controls[0]?.type === 'radio') {
      value = controls.find((c) => c.checked)?.value ?? null;
    } else {
      const text = (controls[0]?.value ?? '').trim();
      value = text === '' ? null : text;
    }
    if (value !== null) {
      answers[q.id] = value;
    }
  }
  return answers;
}

function readReport() {
  const report = {
    formVersion: definition.version,
    answers: readAnswers(),
    narrative: ui.narrative.value,
    lessonsLearned: ui.lessons.value,
  };
  const code = ui.agencyCode.value.trim();
  if (code !== '') {
    report.agencyCode = code;
  }
  return report;
}

/** The server's checks, done here first: [[field, [messages]]] in the server's wording. */
function check(report) {
  const errors = [];
  const add = (field, message) => errors.push([field, [message]]);

  for (const q of definition.questions) {
    const field = `answers.${q.id}`;
    const value = report.answers[q.id];
    if (value === undefined) {
      if (q.required) {
        add(field, q.kind === 'multi' ? 'needs at least one choice' : 'is required');
      }
      continue;
    }
    if (q.kind === 'multi' && Number.isInteger(q.maxChoices) && value.length > q.maxChoices) {
      add(field, `allows at most ${q.maxChoices} choices`);
    }
    if (q.kind === 'month') {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
        add(field, 'must be a month as YYYY-MM');
      } else if (value > currentMonth()) {
        add(field, 'cannot be in the future');
      } else if (value < EARLIEST_MONTH) {
        add(field, 'cannot be before 2000');
      }
    }
  }

  checkText(report.narrative, 'narrative', definition.narrative, true, add);
  checkText(report.lessonsLearned, 'lessonsLearned', definition.lessonsLearned, false, add);

  if (report.agencyCode !== undefined) {
    const code = report.agencyCode.toUpperCase();
    const max = definition.agencyCode?.maxLength ?? 20;
    if (code.length > max || !/^[A-Z0-9-]+$/.test(code)) {
      add('agencyCode', `must be letters, digits and dashes, at most ${max}`);
    }
  }
  return errors;
}

function checkText(value, field, limits = {}, required, add) {
  const text = value.trim();
  if (text === '') {
    if (required) {
      add(field, 'is required');
    }
    return;
  }
  if (limits.minLength && text.length < limits.minLength) {
    add(field, `must be at least ${limits.minLength} characters (it has ${text.length})`);
  }
  if (limits.maxLength && text.length > limits.maxLength) {
    add(field, `must be at most ${limits.maxLength} characters (it has ${text.length})`);
  }
  if (CONTROL_CHARACTERS.test(text)) {
    add(field, 'contains control characters');
  }
}

// ---------------------------------------------------------------- errors

function clearErrors() {
  for (const field of fields.values()) {
    field.error.hidden = true;
    field.error.replaceChildren();
    for (const control of field.controls) {
      control.removeAttribute('aria-invalid');
    }
  }
  ui.summary.hidden = true;
  ui.errorList.replaceChildren();
  ui.sendMessage.hidden = true;
  ui.sendMessage.textContent = '';
}

/** Shows each error next to its field (or in the summary when it has no field) and focuses the first. */
function showErrors(errors) {
  clearErrors();
  const order = [...fields.keys()];
  const sorted = [...errors].sort((a, b) => rank(order, a[0]) - rank(order, b[0]));
  let first = null;

  for (const [key, messages] of sorted) {
    const field = fields.get(key);
    const name = field?.name ?? describeField(key);
    for (const message of messages) {
      const text = sentence(name, message);
      if (field) {
        field.error.append(el('span', { text }), ' ');
        field.error.hidden = false;
        for (const control of field.controls) {
          control.setAttribute('aria-invalid', 'true');
        }
        const link = el('a', { href: `#${field.focus.id}`, text });
        link.addEventListener('click', (event) => { event.preventDefault(); field.focus.focus(); });
        ui.errorList.append(el('li', {}, link));
      } else {
        ui.errorList.append(el('li', { text }));
      }
    }
    first ??= field ? field.focus : ui.summary;
  }

  ui.summary.hidden = sorted.length === 0;
  (first ?? ui.summary).focus();
}

function rank(order, key) {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function describeField(key) {
  if (key === 'formVersion') {
    return 'The form version';
  }
  if (key === 'body') {
    return 'The report';
  }
  if (key.startsWith('answers.')) {
    return `The answer "${key.slice('answers.'.length)}"`;
  }
  return key === 'answers' ? 'The answers' : `The field "${key}"`;
}

function showSendMessage(text) {
  ui.sendMessage.textContent = text;
  ui.sendMessage.hidden = false;
}

// ---------------------------------------------------------------- sending

async function onSubmit(event) {
  event.preventDefault();
  if (sending) {
    return;
  }
  const report = readReport();
  const problems = check(report);
  if (problems.length > 0) {
    showErrors(problems);
    return;
  }

  clearErrors();
  setSending(true);
  let response;
  try {
    response = await postJson('/api/reports', report);
  } catch {
    setSending(false);
    showSendMessage('Could not reach NearMiss. Check your connection and send again; your report is still here.');
    ui.sendMessage.focus();
    return;
  }
  setSending(false);

  if (response.status === 202 && typeof response.data?.receipt === 'string') {
    showReceipt(response.data.receipt);
    return;
  }
  if (response.status === 400) {
    const errors = problemErrors(response.data);
    if (errors.length > 0) {
      showErrors(errors);
      return;
    }
  }
  showSendMessage(`${failureMessage(response.status, response.retryAfter, 'report')} Your report is still here.`);
}

function setSending(on) {
  sending = on;
  ui.send.disabled = on;
  ui.send.textContent = on ? 'Sending…' : 'Send report';
  ui.form.setAttribute('aria-busy', on ? 'true' : 'false');
}

function warnBeforeLeaving(event) {
  if (unsent || receipt !== null) {
    event.preventDefault();
    event.returnValue = '';
  }
}

// ---------------------------------------------------------------- receipt

function wireReceipt() {
  ui.saved.addEventListener('change', () => { ui.done.disabled = !ui.saved.checked; });
  ui.copy.addEventListener('click', copyReceipt);
  ui.done.addEventListener('click', finish);
  // A page left for the back/forward cache must not keep the receipt.
  window.addEventListener('pagehide', (event) => {
    if (event.persisted) {
      clearReceipt();
    }
  });
}

function showReceipt(value) {
  receipt = value;
  unsent = false;
  // The report has been sent: nothing of it stays on the page.
  ui.form.reset();
  ui.piiResult.replaceChildren();
  ui.form.remove();
  ui.reportView.hidden = true;

  // Break only between groups on a narrow screen; <wbr> adds no text.
  const parts = value.split('-');
  ui.receiptValue.replaceChildren(...parts.flatMap((part, i) =>
    i < parts.length - 1 ? [document.createTextNode(`${part}-`), document.createElement('wbr')] : [document.createTextNode(part)]));
  ui.saved.checked = false;
  ui.done.disabled = true;
  ui.receiptView.hidden = false;
  ui.receiptTitle.focus();
}

async function copyReceipt() {
  if (receipt === null) {
    return;
  }
  try {
    await navigator.clipboard.writeText(receipt);
    ui.copyMessage.textContent = 'Copied.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(ui.receiptValue);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    ui.copyMessage.textContent = 'Selected: copy it with your device’s copy command.';
  }
}

function clearReceipt() {
  receipt = null;
  ui.receiptValue.replaceChildren();
  ui.copyMessage.textContent = '';
  window.getSelection()?.removeAllRanges();
}

function finish() {
  if (!ui.saved.checked) {
    return;
  }
  clearReceipt();
  window.removeEventListener('beforeunload', warnBeforeLeaving);
  ui.receiptView.remove();
  ui.thanksView.hidden = false;
  ui.thanksTitle.focus();
}

// ---------------------------------------------------------------- helpers

/** The current month as YYYY-MM, in UTC as the server counts it. */
function currentMonth() {
  return new Date().toISOString().slice(0, 7);
}

/** "When did it happen? (month and year)" → "When did it happen", to lead an error sentence. */
function shortName(label) {
  return String(label).replace(/\s*\([^)]*\)\s*/g, ' ').replace(/[?:]\s*$/, '').trim() || String(label);
}

function domId(value) {
  return String(value).replace(/[^A-Za-z0-9_-]/g, '-');
}
