// Minimal service worker so the responder page can be installed on a phone's home screen.
// It caches nothing: an alert must always come from the server, never from a stale cache.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', () => {});
