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
};

let busy = false;

// The receipt input has no name and the form posts: even a submit before this script runs puts no receipt in a URL.
ui.check.disabled = false;

ui.form.addEventListener('submit', lookUp);
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
  const messages = Array.isArray(data.messages) ? data.messages : [];
  ui.messages.replaceChildren(...messages.map((m) => el('li', { text: messageText(m) })));
  ui.messagesBlock.hidden = messages.length === 0;
  ui.checkedAt.textContent = `Checked at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`;
  ui.result.hidden = false;
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
}
