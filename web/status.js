// The receipt status page: the receipt goes in a POST body, never in a URL or browser storage.
import { postJson, problemErrors, sentence, failureMessage, el } from './api.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 24;

const STATUSES = {
  received: ['Received', 'Your report has arrived and is waiting for its automated check.'],
  'in-review': ['In review', 'Reviewers are removing identifying details and drawing out the lessons.'],
  'awaiting-reporter': ['Waiting for your answer', 'A reviewer has a question for you; see the messages below.'],
  published: ['Published', 'Your report, without anything that identifies you, is in the library for other officers.'],
  'not-published': ['Not published', 'The reviewers decided not to publish this report. The messages below may say why.'],
};

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('lookup'),
  input: $('receipt'),
  error: $('err-receipt'),
  check: $('check'),
  clear: $('clear'),
  message: $('lookup-message'),
  result: $('result'),
  resultTitle: $('result-title'),
  words: $('status-words'),
  explained: $('status-explained'),
  messagesBlock: $('messages-block'),
  messages: $('messages'),
  checkedAt: $('checked-at'),
  stage: $('status-stage'),
  typical: $('status-typical'),
  reply: $('reply'),
  replyText: $('reply-text'),
  replyError: $('err-reply'),
  sendReply: $('send-reply'),
  replySent: $('reply-sent'),
};

const STAGES = {
  1: 'Stage 1 of 2: a reviewer is removing anything that could identify you or your agency.',
  2: 'Stage 2 of 2: a second reviewer is checking that and writing the lessons learned.',
};
const MAX_REPLY = 3000;

let busy = false;
/** The receipt whose status is on screen, for the answer to a question; null otherwise. Memory only. */
let shownReceipt = null;

// The receipt input has no name and the form posts: even a submit before this script runs puts no receipt in a URL.
ui.check.disabled = false;

ui.form.addEventListener('submit', lookUp);
ui.reply.addEventListener('submit', sendReply);
ui.clear.addEventListener('click', () => {
  ui.input.value = '';
  resetOutput();
  ui.input.focus();
});
// Nothing of the receipt or its report stays in a page kept by the back/forward cache.
window.addEventListener('pagehide', () => {
  ui.input.value = '';
  resetOutput();
});

/** Upper case without spaces or dashes; null with a reason when it cannot be a receipt. */
export function normalize(text) {
  const compact = text.replace(/[\s\-\u2010-\u2015_.]/g, '').toUpperCase();
  const wrong = [...new Set([...compact].filter((c) => !ALPHABET.includes(c)))];
  if (compact.length === 0) {
    return { error: 'Enter your receipt.' };
  }
  if (wrong.length > 0) {
    const hint = wrong.some((c) => '01ILO'.includes(c)) ? ' Receipts have no 0, 1, I, L or O.' : '';
    return { error: `A receipt has no ${wrong.join(' ')}.${hint} Check it against the one you saved.` };
  }
  if (compact.length !== LENGTH) {
    return { error: `A receipt has ${LENGTH} letters and digits; this has ${compact.length}.` };
  }
  return { receipt: compact };
}

async function lookUp(event) {
  event.preventDefault();
  if (busy) {
    return;
  }
  resetOutput();
  const { receipt, error } = normalize(ui.input.value);
  if (error) {
    showFieldError(error);
    return;
  }

  busy = true;
  ui.check.disabled = true;
  ui.form.setAttribute('aria-busy', 'true');
  let response;
  try {
    response = await postJson('/api/receipts/status', { receipt });
  } catch {
    response = null;
  } finally {
    busy = false;
    ui.check.disabled = false;
    ui.form.setAttribute('aria-busy', 'false');
  }

  if (!response) {
    showMessage('Could not reach NearMiss. Check your connection and try again.');
  } else if (response.status === 200 && response.data) {
    shownReceipt = receipt;
    showStatus(response.data);
  } else if (response.status === 404) {
    showMessage('No report has this receipt. Check each character against the receipt you saved.');
  } else if (response.status === 400 && problemErrors(response.data).length > 0) {
    const errors = problemErrors(response.data);
    showFieldError(errors.flatMap(([field, messages]) =>
      messages.map((m) => sentence(field === 'receipt' ? 'The receipt' : field, m))).join(' '));
  } else {
    showMessage(failureMessage(response.status, response.retryAfter, 'request'));
  }
}

function showStatus(data) {
  const [words, explained] = STATUSES[data.status] ?? [String(data.status ?? 'Unknown'), ''];
  ui.words.textContent = words;
  ui.words.dataset.status = String(data.status ?? '');
  ui.explained.textContent = explained;
  const stage = STAGES[Number(data.stage)];
  const reviewing = data.status === 'in-review' || data.status === 'awaiting-reporter';
  ui.stage.textContent = reviewing && stage ? stage : '';
  ui.stage.hidden = !(reviewing && stage);
  const days = Number(data.typicalReviewDays);
  const pending = data.status !== 'published' && data.status !== 'not-published';
  ui.typical.textContent = pending && Number.isFinite(days) && days > 0
    ? `Reports are typically reviewed within ${days} business ${days === 1 ? 'day' : 'days'}.`
    : '';
  ui.typical.hidden = ui.typical.textContent === '';
  const messages = Array.isArray(data.messages) ? data.messages : [];
  ui.messages.replaceChildren(...messages.map(messageItem));
  ui.messagesBlock.hidden = messages.length === 0;
  ui.reply.hidden = data.status !== 'awaiting-reporter';
  ui.checkedAt.textContent = `Checked at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
  ui.result.hidden = false;
}

/** A message as "Reviewer (2026-11): text"; plain strings (older answers) are shown as they are. */
function messageItem(message) {
  if (!message || typeof message !== 'object') {
    return el('li', { text: messageText(message) });
  }
  const who = message.from === 'reporter' ? 'You' : message.from === 'reviewer' ? 'Reviewer' : String(message.from ?? '');
  const on = typeof message.on === 'string' && message.on ? ` (${message.on})` : '';
  return el('li', { class: `message from-${message.from === 'reporter' ? 'reporter' : 'reviewer'}` },
    who ? el('span', { class: 'message-from', text: `${who}${on}: ` }) : null,
    messageText(message));
}

async function sendReply(event) {
  event.preventDefault();
  if (busy || !shownReceipt) {
    return;
  }
  ui.replyError.hidden = true;
  ui.replyText.removeAttribute('aria-invalid');
  const message = ui.replyText.value.trim();
  if (message.length === 0 || message.length > MAX_REPLY) {
    ui.replyError.textContent = message.length === 0
      ? 'Write your answer first.'
      : `Your answer must be at most ${MAX_REPLY} characters (it has ${message.length}).`;
    ui.replyError.hidden = false;
    ui.replyText.setAttribute('aria-invalid', 'true');
    ui.replyText.focus();
    return;
  }
  busy = true;
  ui.sendReply.disabled = true;
  let response;
  try {
    response = await postJson('/api/receipts/messages', { receipt: shownReceipt, message });
  } catch {
    response = null;
  } finally {
    busy = false;
    ui.sendReply.disabled = false;
  }
  if (response && response.status === 200) {
    ui.replyText.value = '';
    ui.reply.hidden = true;
    const hours = Number.isInteger(response.data?.withinHours) && response.data.withinHours > 0 ? response.data.withinHours : null;
    const when = hours === null ? 'after the current batch of reports closes' : `within ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
    ui.replySent.textContent = `Answer sent. It waits, sealed, with the other answers and reports of this batch, so that its time says nothing about you, and reaches the reviewers ${when}. Until then this page still shows the question; there is no need to answer again.`;
    ui.replySent.hidden = false;
    return;
  }
  let text;
  if (!response) {
    text = 'Could not reach NearMiss. Check your connection and send your answer again.';
  } else if (response.status === 409) {
    text = 'No question is waiting for an answer any more. Check the status again.';
  } else if (response.status === 404) {
    text = 'No report has this receipt any more.';
  } else if (response.status === 400 && problemErrors(response.data).length > 0) {
    text = problemErrors(response.data).flatMap(([field, messages]) =>
      messages.map((m) => sentence(field === 'message' ? 'Your answer' : field, m))).join(' ');
  } else {
    text = failureMessage(response.status, response.retryAfter, 'answer');
  }
  ui.replyError.textContent = text;
  ui.replyError.hidden = false;
}

function messageText(message) {
  if (typeof message === 'string') {
    return message;
  }
  if (message && typeof message === 'object') {
    return String(message.text ?? message.body ?? message.message ?? '');
  }
  return String(message ?? '');
}

function showFieldError(text) {
  ui.error.textContent = text;
  ui.error.hidden = false;
  ui.input.setAttribute('aria-invalid', 'true');
  ui.input.focus();
}

function showMessage(text) {
  ui.message.textContent = text;
  ui.message.hidden = false;
}

function resetOutput() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  ui.input.removeAttribute('aria-invalid');
  ui.message.hidden = true;
  ui.message.textContent = '';
  ui.result.hidden = true;
  ui.words.textContent = '';
  ui.explained.textContent = '';
  ui.messages.replaceChildren();
  ui.messagesBlock.hidden = true;
  ui.stage.hidden = true;
  ui.typical.hidden = true;
  ui.reply.hidden = true;
  ui.replyText.value = '';
  ui.replyError.hidden = true;
  ui.replySent.hidden = true;
  shownReceipt = null;
}
