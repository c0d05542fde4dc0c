// Live alerts: listen to the SSE stream and insert each new alert's server-rendered card at the top.
// EventSource reconnects by itself and sends Last-Event-ID, so alerts raised meanwhile are replayed.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var live = document.getElementById('live');
  var list = document.getElementById('alerts');
  var stream = new EventSource(live.dataset.stream);

  stream.onopen = function () { live.textContent = 'в эфире'; live.classList.add('on'); };
  stream.onerror = function () { live.textContent = 'переподключение…'; live.classList.remove('on'); };

  stream.addEventListener('alert', function (e) {
    var alert = JSON.parse(e.data);
    if (document.getElementById('alert-' + alert.id)) { return; }
    fetch('/console/alerts/' + encodeURIComponent(alert.id), {headers: {'HX-Request': 'true'}})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        if (document.getElementById('alert-' + alert.id)) { return; }
        var holder = document.createElement('ul');
        holder.innerHTML = html.trim();
        var card = holder.firstElementChild;
        card.classList.add('fresh');
        list.insertBefore(card, list.firstChild);
        htmx.process(card);
        document.getElementById('no-alerts').hidden = true;
        if (window.otklikToast) { window.otklikToast('Новое оповещение: ' + alert.title); }
      })
      .catch(function (err) { if (window.otklikToast) { window.otklikToast('Оповещение не загружено: ' + err.message); } });
  });
});
