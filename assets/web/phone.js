// The patient's page: follows one ticket over Server-Sent Events. Values go in as text only.
"use strict";

(function () {
  function $(id) { return document.getElementById(id); }

  document.addEventListener("DOMContentLoaded", function () {
    const ticket = $("ticket");
    if (!ticket) return; // a refusal page: nothing to follow
    const live = $("live");
    const liveText = live.textContent;
    const url = "/t/" + encodeURIComponent(ticket.dataset.code) + "/events?lang=" +
      encodeURIComponent(ticket.dataset.lang || "id");
    const source = new EventSource(url);
    function fresh() {
      live.textContent = liveText;
      live.classList.remove("stale");
    }
    source.addEventListener("ticket", function (event) {
      const data = JSON.parse(event.data);
      $("number").textContent = data.number;
      $("poli").textContent = data.poli;
      $("headline").textContent = data.headline;
      $("window").textContent = data.window;
      ticket.classList.toggle("called", Boolean(data.called));
      ticket.dataset.status = data.status;
      fresh();
    });
    source.addEventListener("beat", fresh);
    source.addEventListener("error", function () {
      live.textContent = live.dataset.stale;
      live.classList.add("stale");
    });
  });
})();
