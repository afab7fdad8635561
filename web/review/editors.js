// The review console's redaction editors: a case's text with its highlights (findings and spans marked by hand),
// each redacted or kept, and the text edited by hand. Spans are UTF-16 offsets (redact.js).
import { el } from '../api.js';
import { LABELS, applyRedactions, cleanSpans, overlaps, relocate, selectionOffsets } from './redact.js';
import { ui } from './console.js';
import { caseInHand } from './case-view.js';

export const FIELD_WORDS = { narrative: 'What happened', lessonsLearned: "Reporter's lessons learned" };


/** One text with its highlights, finding decisions, marking by selection and a plain-text edit mode. */
export function createEditor(field, text, spans) {
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
    el('h3', { id: `title-${field}` }, words), view, textarea, caseInHand().canAct ? tools : null, error, list);
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

export function renderEditor(editor) {
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
  if (caseInHand().canAct) {
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

export function decide(editor, index, decision) {
  const span = editor.spans[index];
  if (!span) {
    return;
  }
  span.decision = decision;
  renderEditor(editor);
  editor.list.querySelector(`[data-index="${index}"] button[aria-pressed="true"]`)?.focus();
}

export function rememberSelection() {
  if (!caseInHand()) {
    return;
  }
  for (const editor of caseInHand().editors) {
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

export function finishEdit(editor) {
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
export function applyAll(strict) {
  if (!caseInHand()) {
    return false;
  }
  caseInHand().editors.forEach(finishEdit);
  const undecided = caseInHand().editors.reduce((n, e) => n + e.spans.filter((s) => !s.decision).length, 0);
  if (strict && undecided > 0) {
    ui.applyMessage.textContent = `Decide on each highlight first: ${undecided} ${undecided === 1 ? 'is' : 'are'} not decided (Redact or Keep).`;
    ui.applyMessage.className = 'field-error';
    return false;
  }
  let applied = 0;
  for (const editor of caseInHand().editors) {
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
