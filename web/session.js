// Sign-in for the three consoles (review console, staff dashboard, library): the one-time token of an e-mailed link
// is read from the address (or a pasted link), exchanged once for an access token, and the session kept in this
// tab only. Each console says where it exchanges and what it keeps.

import { postJson } from './api.js';

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
