// Keeps a fact sheet page current: the server sends the content version of the country's fact
// sheet when it changes, and the page swaps in the new body without a reload.
(function () {
  'use strict';
  var country = document.body.getAttribute('data-country');
  if (!country || !window.EventSource) {
    return;
  }
  var status = document.getElementById('live-status');
  var loading = false;
  var again = false;

  function currentVersion() {
    var body = document.getElementById('factsheet-body');
    return body ? body.getAttribute('data-version') : null;
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch('/factsheet/' + country + '?fragment=true', { headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var fresh = template.content.firstElementChild;
        var current = document.getElementById('factsheet-body');
        if (fresh && current) {
          current.replaceWith(fresh);
          if (status) {
            status.textContent = 'Live: updated with new data at ' + new Date().toLocaleTimeString() + '.';
          }
        }
      })
      .catch(function (error) {
        // The next change tries again; a warning, since the page still shows consistent data.
        console.warn('fact sheet update failed: ' + error.message);
      })
      .finally(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var events = new EventSource('/factsheet/' + country + '/events');
  events.onmessage = function (event) {
    if (event.data && event.data !== currentVersion()) {
      refresh();
    }
  };
  window.addEventListener('pagehide', function () {
    events.close();
  });
})();
