// Sign-in for the three consoles (review console, staff dashboard, library): the one-time token of an e-mailed link
// is read from the address (or a pasted link), exchanged once for an access token, and the session kept in this
// tab only. Each console says where it exchanges and what it keeps.

import { postJson, problemTitle, failureMessage, signInFailure } from './api.js';

/** What a console says when NearMiss could not be reached. */
export const UNREACHABLE = 'Could not reach NearMiss. Check your connection and try again.';

/** The one-time token of a sign-in link or fragment ("…#token=…"), decoded; null when there is none. */
export function linkToken(text) {
  const match = /[#&]token=([^&\s]+)/.exec(String(text ?? ''));
  if (!match) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Asks for a sign-in link: the response ({ status, data, retryAfter }), or null when NearMiss could not be reached. */
export async function requestLink(path, body) {
  try {
    return await postJson(path, body);
  } catch {
    return null;
  }
}

/** Exchanges a one-time token at `path`: the response ({ status, data }), or null when NearMiss could not be reached. */
export async function exchangeLink(path, token) {
  try {
    return await postJson(path, { token });
  } catch {
    return null;
  }
}

/**
 * Asks for a sign-in link at `path`: null when the answer says it is on its way (2xx), otherwise the sentence to show
 * (the problem's title, a wait after 429, or that NearMiss could not be reached).
 */
export async function askForLink(path, body) {
  const response = await requestLink(path, body);
  if (response && response.status >= 200 && response.status < 300) {
    return null;
  }
  return response ? problemTitle(response.data) ?? failureMessage(response.status, response.retryAfter, 'request') : UNREACHABLE;
}

/**
 * Exchanges a review console or staff dashboard token: `{ session }`, the session being
 * `{ accessToken, reviewer: { id, email, stages } }` (stages 1 and 2 only, in order), or `{ failure }`, the sentence to
 * show when the link is used, expired or not valid, or NearMiss could not be reached.
 */
export async function reviewerSession(token) {
  const response = await exchangeLink('/api/review/session', token);
  const data = response?.data;
  if (!response || response.status !== 200 || !data || typeof data.accessToken !== 'string' || !data.reviewer) {
    return { failure: signInFailure(response) };
  }
  const stages = (Array.isArray(data.reviewer.stages) ? data.reviewer.stages : []).map(Number).filter((s) => s === 1 || s === 2).sort();
  return { session: { accessToken: data.accessToken, reviewer: { id: String(data.reviewer.id ?? ''), email: String(data.reviewer.email ?? ''), stages } } };
}

/** A value kept in `storage` (sessionStorage: this tab), or null when none or storage is unavailable. */
export function stored(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** Keeps `value` in `storage` (null removes it); without storage the session lives in memory only. */
export function store(storage, key, value) {
  try {
    if (value === null) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, JSON.stringify(value));
    }
  } catch {
    // Without storage the session lives in memory only; a reload then asks to sign in again.
  }
}
