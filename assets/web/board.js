// The waiting-room board: draws the state the server sends over Server-Sent Events.
// Every value is put on the page with textContent (never as markup); no data become code.
"use strict";

(function () {
  const STALE_AFTER_MS = 15000; // three missed heartbeats
  const params = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  for (const name of ["poli", "lang"]) {
    if (params.get(name)) query.set(name, params.get(name));
  }
  const eventsUrl = "/board/events" + (query.toString() ? "?" + query.toString() : "");

  let source = null;
  let lastSeen = 0;
  let lostAt = null;
  let serverStale = false;
  let labels = {};
  let utcOffset = null; // the clinic's offset from UTC, in minutes (the server says)
  let lastCallId = null; // the newest call this page has seen; null until the first state
  const sounds = [];
  let playing = false;
  let blocked = false;

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function hhmm(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  function clinicTime(date) {
    if (utcOffset === null) return date;
    const shifted = new Date(date.getTime() + (utcOffset + date.getTimezoneOffset()) * 60000);
    return shifted;
  }

  function tick() {
    const now = clinicTime(new Date());
    $("clock").textContent = hhmm(now) + ":" + String(now.getSeconds()).padStart(2, "0");
    const silent = Date.now() - lastSeen > STALE_AFTER_MS;
    if ((silent || !source || source.readyState !== 1) && lostAt === null && lastSeen > 0) {
      lostAt = new Date(lastSeen);
    }
    showStale();
  }

  function showStale() {
    const stale = serverStale || lostAt !== null;
    document.body.classList.toggle("stale", stale);
    const banner = $("stale");
    banner.hidden = !stale;
    if (stale) {
      banner.textContent = lostAt !== null && labels.offline
        ? labels.offline.replace("{time}", hhmm(clinicTime(lostAt)))
        : (labels.stale || "");
    }
    document.body.dataset.stale = stale ? "1" : "0";
  }

  function panel(poli, fresh) {
    const box = el("section", "poli" + (poli.current ? "" : " idle") + (fresh ? " flash" : ""));
    box.dataset.poli = poli.code;
    box.appendChild(el("h2", "poli-name", poli.name));
    const current = poli.current;
    box.appendChild(el("div", "number", current ? current.number : ""));
    box.appendChild(el("div", "counter", current ? current.counter : labels.no_call));
    box.appendChild(el("div", "waiting", poli.waiting_text));
    return box;
  }

  function recentItem(call) {
    const item = el("li", "call");
    item.appendChild(el("span", "time", call.time));
    item.appendChild(el("span", "num", call.number));
    item.appendChild(el("span", "where", call.poli_name + (call.counter ? " · " + call.counter : "")));
    if (call.recalls) item.appendChild(el("span", "again", labels.recalled));
    return item;
  }

  function draw(state) {
    labels = state.labels || labels;
    serverStale = Boolean(state.stale);
    if (!state.ready) { showStale(); return; }
    if (typeof state.utc_offset === "number") utcOffset = state.utc_offset;
    document.body.classList.remove("loading");
    $("facility").textContent = state.facility;
    $("title").textContent = labels.title;
    document.title = labels.title + " · " + state.facility;
    $("recent-title").textContent = labels.recent;

    const news = lastCallId === null ? [] :
      state.recent.filter(function (c) { return c.id > lastCallId; }).sort(function (a, b) { return a.id - b.id; });
    const freshPolis = new Set(news.map(function (c) { return c.poli; }));
    for (const call of state.recent) {
      lastCallId = Math.max(lastCallId === null ? 0 : lastCallId, call.id);
    }
    if (lastCallId === null) lastCallId = 0;

    const polis = $("polis");
    polis.replaceChildren.apply(polis, state.polis.map(function (p) { return panel(p, freshPolis.has(p.code)); }));
    polis.dataset.count = String(state.polis.length);
    const recent = $("recent");
    if (state.recent.length) {
      recent.replaceChildren.apply(recent, state.recent.map(recentItem));
    } else {
      recent.replaceChildren(el("li", "none", labels.no_calls_yet));
    }
    $("ticker").textContent = state.recent.length ? state.recent[0].line : "";
    showRunningText(state.running_text || "");
    document.body.dataset.marker = String(state.marker);
    for (const call of news) queueSound(call.id);
    if (news.length) {
      window.setTimeout(function () {
        for (const node of document.querySelectorAll(".poli.flash")) node.classList.remove("flash");
      }, 8000);
    }
  }

  // Staff's free text: textContent only. Restarting the scroll only when the words change keeps
  // a line that is read mid-way from jumping back at every call.
  function showRunningText(text) {
    const box = $("running-text");
    const line = $("running-line");
    box.hidden = !text;
    if (line.textContent !== text) line.textContent = text;
  }

  function queueSound(id) {
    sounds.push("/board/speech/" + encodeURIComponent(String(id)) + ".wav");
    playNext();
  }

  function playNext() {
    if (playing || blocked || !sounds.length) return;
    playing = true;
    const audio = new Audio(sounds[0]);
    const done = function () {
      sounds.shift();
      playing = false;
      document.body.dataset.played = String(Number(document.body.dataset.played || 0) + 1);
      playNext();
    };
    audio.addEventListener("ended", done);
    audio.addEventListener("error", done);
    audio.play().catch(function (error) {
      playing = false;
      if (error && error.name === "NotAllowedError") {
        blocked = true; // the browser wants a touch first: ask for one, keep the queue
        const button = $("sound");
        button.textContent = labels.sound || "";
        button.hidden = false;
      } else {
        done();
      }
    });
  }

  function connect() {
    if (source) source.close();
    source = new EventSource(eventsUrl);
    source.addEventListener("state", function (event) {
      lastSeen = Date.now();
      lostAt = null;
      draw(JSON.parse(event.data));
      showStale();
    });
    source.addEventListener("beat", function (event) {
      lastSeen = Date.now();
      lostAt = null;
      serverStale = Boolean(JSON.parse(event.data).stale);
      showStale();
    });
    source.addEventListener("error", function () {
      if (lostAt === null && lastSeen > 0) lostAt = new Date();
      showStale();
      // A refused answer closes the stream for good: try again, as a TV must.
      if (source.readyState === 2) window.setTimeout(connect, 3000);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("sound").addEventListener("click", function () {
      blocked = false;
      $("sound").hidden = true;
      playNext();
    });
    document.documentElement.lang = params.get("lang") === "en" ? "en" : "id";
    connect();
    tick();
    window.setInterval(tick, 1000);
  });
})();
