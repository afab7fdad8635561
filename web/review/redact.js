// Redaction helpers for the review console: spans are UTF-16 offsets into a text, end exclusive.

import { PII_LABELS } from '../pii-marks.js';

/** Labels a reviewer can give a span marked by hand, with words for them: the PII labels, and "other". */
export const LABELS = { ...PII_LABELS, OTHER: 'other identifying detail' };

/** A label as the placeholder that replaces a redacted span: PERSON → [PERSON]. */
export function placeholder(label) {
  const clean = String(label ?? '').toUpperCase().replace(/[^A-Z0-9_]/g, '');
  return `[${clean || 'REDACTED'}]`;
}

/** Spans inside the text, sorted, without overlaps (a later span overlapping an earlier one is dropped). */
export function cleanSpans(text, spans) {
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = 0;
  for (const span of sorted) {
    if (span.start >= last) {
      kept.push(span);
      last = span.end;
    }
  }
  return kept;
}

/** True when [start, end) overlaps any of the spans. */
export function overlaps(spans, start, end) {
  return spans.some((s) => s.start < end && start < s.end);
}

/** The text with every accepted span replaced by its placeholder; rejected and undecided spans stay as written. */
export function applyRedactions(text, spans) {
  let out = '';
  let at = 0;
  for (const span of cleanSpans(text, spans)) {
    if (span.decision !== 'accept') {
      continue;
    }
    out += text.slice(at, span.start) + placeholder(span.label);
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * The spans moved to where their words are in an edited text: each span's words are looked for nearest
 * to where they were; a span whose words are gone is left out.
 */
export function relocate(oldText, newText, spans) {
  const moved = [];
  for (const span of spans) {
    const words = oldText.slice(span.start, span.end);
    if (!words) {
      continue;
    }
    let best = -1;
    for (let i = newText.indexOf(words); i !== -1; i = newText.indexOf(words, i + 1)) {
      if (best === -1 || Math.abs(i - span.start) < Math.abs(best - span.start)) {
        best = i;
      }
    }
    if (best !== -1 && !overlaps(moved, best, best + words.length)) {
      moved.push({ ...span, start: best, end: best + words.length });
    }
  }
  return moved.sort((a, b) => a.start - b.start);
}

/**
 * The offsets of the current selection inside the container, counted in the container's text, or null
 * when nothing, or something outside it, is selected.
 */
export function selectionOffsets(container) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return null;
  }
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return start < end ? { start, end } : null;
}
