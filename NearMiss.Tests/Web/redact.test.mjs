// The review console's redaction helpers (web/review/redact.js): what a reviewer's decisions turn into.
import test from 'node:test';
import assert from 'node:assert/strict';
import { applyRedactions, cleanSpans, overlaps, placeholder, relocate } from '../../web/review/redact.js';

const text = 'Ofc. Dana Reyes stopped a car on Elm Street at 0140.';
const span = (start, end, label, decision = 'accept') => ({ start, end, label, decision });

test('applyRedactions replaces each accepted span with its placeholder', () => {
  const out = applyRedactions(text, [span(5, 15, 'PERSON'), span(33, 43, 'ADDRESS')]);
  assert.equal(out, 'Ofc. [PERSON] stopped a car on [ADDRESS] at 0140.');
});

test('applyRedactions leaves rejected and undecided spans as written', () => {
  const out = applyRedactions(text, [span(5, 15, 'PERSON', 'reject'), { start: 47, end: 51, label: 'TIME' }]);
  assert.equal(out, text);
});

test('applyRedactions drops a span that overlaps an earlier one', () => {
  const out = applyRedactions(text, [span(5, 15, 'PERSON'), span(10, 20, 'LOCATION')]);
  assert.equal(out, 'Ofc. [PERSON] stopped a car on Elm Street at 0140.');
});

test('cleanSpans drops spans outside the text, empty or reversed, and sorts the rest', () => {
  const kept = cleanSpans('abcdef', [span(4, 6, 'A'), span(0, 2, 'B'), span(3, 3, 'C'), span(5, 9, 'D'), span(-1, 2, 'E'), span(2.5, 4, 'F')]);
  assert.deepEqual(kept.map((s) => s.label), ['B', 'A']);
});

test('cleanSpans keeps the longer of two spans that start together', () => {
  const kept = cleanSpans('abcdef', [span(0, 2, 'short'), span(0, 4, 'long')]);
  assert.deepEqual(kept.map((s) => s.label), ['long']);
});

test('placeholder keeps only capitals, digits and underscores, and never comes out empty', () => {
  assert.equal(placeholder('person'), '[PERSON]');
  assert.equal(placeholder('<img src=x>'), '[IMGSRCX]');
  assert.equal(placeholder(undefined), '[REDACTED]');
  assert.equal(placeholder('--'), '[REDACTED]');
});

test('overlaps is true only when the ranges share a character', () => {
  const spans = [span(5, 10, 'PERSON')];
  assert.equal(overlaps(spans, 9, 12), true);
  assert.equal(overlaps(spans, 10, 12), false);
  assert.equal(overlaps(spans, 0, 5), false);
});

test('relocate follows the words of each span into an edited text', () => {
  const edited = 'Before dawn, Ofc. Dana Reyes stopped a car on Elm Street.';
  const moved = relocate(text, edited, [span(5, 15, 'PERSON'), span(47, 51, 'TIME')]);
  assert.deepEqual(moved.map((s) => edited.slice(s.start, s.end)), ['Dana Reyes']);
});

test('relocate picks the occurrence nearest to where the words were', () => {
  const old = 'Reyes said Reyes.';
  const moved = relocate(old, 'Xx Reyes said Reyes.', [span(11, 16, 'PERSON')]);
  assert.equal(moved[0].start, 14);
});
