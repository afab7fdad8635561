// The library is the installed app's home: it registers the service worker (web/sw.js), which keeps only the
// offline page and what that page shows. The report form does not load this; see install.js.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => {
    // Not installable in this browser; the pages work as before.
  });
}
