// The form's PII check highlighting (web/pii-marks.js): which parts of the text are marked, and with what words.
import test from 'node:test';
import assert from 'node:assert/strict';
import { labelWords, markSegments } from '../../web/pii-marks.js';

test('markSegments cuts the text into plain parts and marked spans', () => {
  const parts = markSegments('Sgt. Kim on Route 9', [{ start: 5, end: 8, label: 'PERSON' }, { start: 12, end: 19, label: 'LOCATION' }]);
  assert.deepEqual(parts, [
    { text: 'Sgt. ' },
    { text: 'Kim', label: 'name' },
    { text: ' on ' },
    { text: 'Route 9', label: 'place' },
  ]);
});

test('markSegments keeps every character of the text exactly once', () => {
  const text = 'ab cd ef gh';
  const parts = markSegments(text, [{ start: 6, end: 8, label: 'AGE' }, { start: 0, end: 4, label: 'DATE' }, { start: 2, end: 7, label: 'TIME' }]);
  assert.equal(parts.map((p) => p.text).join(''), text);
});

test('markSegments gives an overlapping span only what the earlier one left', () => {
  const parts = markSegments('abcdef', [{ start: 0, end: 3, label: 'PERSON' }, { start: 2, end: 5, label: 'PLATE' }]);
  assert.deepEqual(parts, [{ text: 'abc', label: 'name' }, { text: 'de', label: 'license plate' }, { text: 'f' }]);
});

test('markSegments ignores invalid spans and cuts a span at the end of the text', () => {
  const parts = markSegments('abcdef', [{ start: 4, end: 2 }, { start: 'x', end: 3 }, { start: 1.5, end: 3 }, { start: 4, end: 99, label: 'SSN' }]);
  assert.deepEqual(parts, [{ text: 'abcd' }, { text: 'ef', label: 'social security number' }]);
});

test('markSegments of a text with no spans is the text itself', () => {
  assert.deepEqual(markSegments('plain', []), [{ text: 'plain' }]);
  assert.deepEqual(markSegments('plain', null), [{ text: 'plain' }]);
  assert.deepEqual(markSegments('', [{ start: 0, end: 1, label: 'AGE' }]), []);
});

test('labelWords reads labels in any spelling and passes unknown ones through', () => {
  assert.equal(labelWords('BADGE_ID'), 'badge number');
  assert.equal(labelWords('badge-id'), 'badge number');
  assert.equal(labelWords(' Driver License '), "driver's license number");
  assert.equal(labelWords('CALL_SIGN'), 'CALL_SIGN');
  assert.equal(labelWords(''), 'identifying detail');
  assert.equal(labelWords(undefined), 'identifying detail');
});
