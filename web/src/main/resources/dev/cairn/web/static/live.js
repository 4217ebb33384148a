// cairn's only script: when the ledger changes, the open page re-reads its own URL and swaps its
// <main> for the new one (server-rendered and escaped, so no script runs from it). Without this
// script every page still works; it only stops updating by itself.
(function () {
  if (!window.EventSource) {
    return;
  }
  var busy = false;
  var events = new EventSource('/events');
  events.addEventListener('changed', function () {
    if (busy || document.querySelector('main input:focus, main textarea:focus')) {
      return; // never replace a form someone is typing in
    }
    busy = true;
    fetch(location.pathname + location.search, {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
          var main = document.querySelector('main');
          if (fresh && main) {
            main.replaceWith(fresh);
          }
        }
      })
      .finally(function () { busy = false; });
  });
})();
