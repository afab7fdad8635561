// NearMiss's service worker, for the installed app. It keeps the offline page and what that page shows, in one
// cache named for this version, and nothing else: pages and scripts come from the network while there is one (so
// a new deployment is what the next launch runs), /api is never touched, and nothing anyone types, reads or
// receives (report text, receipts, tokens, API answers) is ever put in a cache. See docs/decisions/021.

// The SHA-256 (first 12 hex digits) of the files in SHELL; a test fails when they change and this does not,
// so a deployment that changes them installs a new cache and deletes the old one.
const VERSION = '88d90eb4bdff';
const CACHE = `nearmiss-shell-${VERSION}`;

/** Kept for when the network is gone: the offline page and the files it uses. */
const SHELL = [
  '/offline.html',
  '/site.css',
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-192.png',
  '/icons/icon-maskable-512.png',
];

/** The pages of the app: offline, opening one shows the offline page. */
const PAGES = new Set(['/', '/index.html', '/status.html', '/library/', '/library/index.html', '/offline.html']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload', credentials: 'omit' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // straight to the network, as if there were no worker
  }
  if (request.mode === 'navigate') {
    if (PAGES.has(url.pathname)) {
      event.respondWith(fetch(request).catch(() => fromShell('/offline.html')));
    }
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => fromShell(url.pathname)));
  }
});

async function fromShell(path) {
  const cache = await caches.open(CACHE);
  return (await cache.match(path)) ?? Response.error();
}
