// The report form's PII check: before sending, the writer can see which words the server would flag as identifying
// (POST /api/pii/preview stores and logs nothing). Shown only where the server offers it.
import { postJson, failureMessage, el } from './api.js';
import { markSegments } from './pii-marks.js';

/** The form's elements (piiCheck, piiButton, piiResult, narrative, lessons), from form.js. */
let ui = null;

/** Shows the check only where the server offers it (the endpoint may not be deployed). */
export async function probePiiPreview(elements) {
  ui = elements;
  try {
    const response = await postJson('/api/pii/preview', { narrative: '', lessonsLearned: '' });
    if (response.status === 200 || response.status === 400) {
      ui.piiCheck.hidden = false;
      ui.piiButton.addEventListener('click', runPiiPreview);
    }
  } catch {
    // No preview: the form works without it.
  }
}

async function runPiiPreview() {
  const narrative = ui.narrative.value;
  const lessonsLearned = ui.lessons.value;
  if (narrative.trim() === '' && lessonsLearned.trim() === '') {
    ui.piiResult.replaceChildren(el('p', { text: 'Write your report first, then check it.' }));
    return;
  }
  ui.piiButton.disabled = true;
  ui.piiResult.replaceChildren(el('p', { text: 'Checking…' }));
  let response;
  try {
    response = await postJson('/api/pii/preview', { narrative, lessonsLearned });
  } catch {
    response = null;
  } finally {
    ui.piiButton.disabled = false;
  }

  if (response?.status === 404) {
    ui.piiResult.replaceChildren();
    ui.piiCheck.hidden = true;
    return;
  }
  if (!response || response.status !== 200 || !response.data) {
    const text = response ? failureMessage(response.status, response.retryAfter, 'check') : 'Could not reach NearMiss for the check.';
    ui.piiResult.replaceChildren(el('p', { class: 'notice notice-error', text }));
    return;
  }

  const parts = [
    ['What happened', narrative, response.data.narrative],
    ['Lessons learned', lessonsLearned, response.data.lessonsLearned],
  ].filter(([, text]) => text.trim() !== '');
  const found = parts.reduce((sum, [, , spans]) => sum + (Array.isArray(spans) ? spans.length : 0), 0);
  ui.piiResult.replaceChildren(
    el('p', { class: 'pii-summary', text: found === 0
      ? 'No identifying details found. Read it once more yourself: the check cannot catch everything.'
      : `${found} possible identifying ${found === 1 ? 'detail is' : 'details are'} highlighted below. Rewrite what you need to above, then check again.` }),
    ...parts.map(([title, text, spans]) => el('div', { class: 'pii-part' },
      el('h3', { text: title }),
      el('p', { class: 'pii-text' }, highlight(text, Array.isArray(spans) ? spans : [])))),
  );
  ui.piiResult.dataset.fresh = 'true';
}

/** Text nodes and <mark>s for the spans (see markSegments). */
function highlight(text, spans) {
  return markSegments(text, spans).map((part) => part.label === undefined
    ? document.createTextNode(part.text)
    : el('mark', { title: part.label }, part.text, el('span', { class: 'pii-label', text: ` [${part.label}]` })));
}

export function markPreviewStale() {
  if (ui?.piiResult.dataset.fresh === 'true') {
    ui.piiResult.dataset.fresh = 'false';
    ui.piiResult.prepend(el('p', { class: 'notice', text: 'You have changed the text since this check. Check again to see the highlights for the new text.' }));
  }
}
