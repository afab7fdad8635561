// What the form's PII check highlights: pure functions, no DOM, so that they can be tested on their own.

/** Words for the labels of the PII preview; anything else is shown as the server wrote it. */
export const PII_LABELS = {
  PERSON: 'name',
  BADGE_ID: 'badge number',
  AGENCY: 'agency',
  ADDRESS: 'address',
  LOCATION: 'place',
  PHONE: 'phone number',
  EMAIL: 'e-mail address',
  PLATE: 'license plate',
  DATE: 'date',
  TIME: 'time',
  CASE_NUMBER: 'case number',
  SSN: 'social security number',
  DRIVER_LICENSE: "driver's license number",
  VEHICLE_ID: 'vehicle number',
  AGE: 'age',
  OTHER_ID: 'identifying number',
};

/** Words for a label: "BADGE_ID", "badge-id" or "Badge ID" → "badge number"; an unknown label as written. */
export function labelWords(label) {
  const key = String(label ?? '').trim().toUpperCase().replace(/[\s-]+/g, '_');
  return PII_LABELS[key] ?? (String(label ?? '').trim() || 'identifying detail');
}

/**
 * The text cut into parts for display: {text} for plain text, {text, label} for a highlighted span, label in
 * words. Spans are UTF-16 offsets, end exclusive; invalid spans are dropped, spans past the end are cut at it,
 * and a span overlapping an earlier one keeps only what the earlier one did not cover.
 */
export function markSegments(text, spans) {
  const parts = [];
  let at = 0;
  const sorted = (Array.isArray(spans) ? spans : [])
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (start >= end) {
      continue;
    }
    if (start > at) {
      parts.push({ text: text.slice(at, start) });
    }
    parts.push({ text: text.slice(start, end), label: labelWords(span.label) });
    at = end;
  }
  if (at < text.length) {
    parts.push({ text: text.slice(at) });
  }
  return parts;
}
