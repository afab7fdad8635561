// "Install on this phone" on the report form. A plain visit registers no service worker and stores nothing;
// only this explicit choice registers web/sw.js (the same worker the library uses, which keeps only the offline
// page and what it shows) and, where the browser offers it, asks to add NearMiss to the home screen.
const section = document.getElementById('install');
const button = document.getElementById('install-button');
const result = document.getElementById('install-result');
let offer = null;

// Chromium offers installation by itself once a page is installable; hold the offer until the reporter chooses.
window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  offer = event;
});

async function install() {
  button.disabled = true;
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' });
    await navigator.serviceWorker.ready;
  } catch {
    result.textContent = 'This browser could not install NearMiss. The form works here as it is.';
    button.disabled = false;
    return;
  }
  if (offer) {
    const choice = offer;
    offer = null;
    await choice.prompt();
    const { outcome } = await choice.userChoice;
    result.textContent = outcome === 'accepted'
      ? 'NearMiss is on this phone. Open it from the home screen.'
      : 'Not installed. You can add NearMiss later from the browser menu.';
  } else {
    result.textContent = 'Ready. Now choose "Add to Home Screen" or "Install app" in the browser menu (on an iPhone: the Share button, then Add to Home Screen).';
  }
  button.disabled = false;
}

if (section && button && result && 'serviceWorker' in navigator) {
  section.hidden = false;
  button.addEventListener('click', install);
}
