// The lobby TV's board: one server-sent-events stream; the picture comes whole each time.
// When the server names this page the announcer, it plays a chime and says each call
// once, in order, dropping any call that is no longer being called when its turn comes.
(function () {
  "use strict";
  var board = window.kioskBoard = {
    state: null, viewer: null, announced: [], dropped: [], queue: [], hold: false,
    speaking: false, seen: null
  };
  var $ = function (id) { return document.getElementById(id); };

  function text(id, value) { $(id).textContent = value; }

  function draw(state) {
    board.state = state;
    var t = state.texts;
    text("office", state.office + " · " + state.desk);
    text("now-title", t.now); text("last-title", t.last); text("next-title", t.next);
    text("now-counter-word", t.counter);
    text("left", state.left); text("wait", state.wait);
    text("alert", t.store_down);
    text("closed-title", t.closed); text("closed-why", state.closed_why);
    document.body.classList.toggle("closed", !state.open);
    document.body.classList.toggle("store-down", !!state.store_down);
    var recent = state.recent || [], top = recent[0];
    $("now-call").style.display = top ? "" : "none";
    $("no-call").style.display = state.no_call_yet ? "block" : "none";
    text("no-call", t.none);
    if (top) {
      text("now-number", top.number); text("now-counter", top.counter);
      var fresh = board.seen !== null && !board.seen[top.key];
      if (fresh) {  // a new call or recall: it blinks again
        var box = $("now-call");
        box.classList.remove("fresh"); void box.offsetWidth; box.classList.add("fresh");
      }
    }
    board.seen = board.seen || {};
    recent.forEach(function (call) { board.seen[call.key] = true; });
    var list = $("last");
    list.textContent = "";
    recent.slice(1).forEach(function (call) {
      var item = document.createElement("li");
      if (call.state === "called") item.className = "calling";
      var number = document.createElement("span"); number.textContent = call.number;
      var where = document.createElement("span"); where.className = "where";
      where.textContent = t.counter + " " + call.counter;
      item.appendChild(number); item.appendChild(where); list.appendChild(item);
    });
    text("next", (state.waiting || []).length ? state.waiting.join(" ") : t.nobody_waiting);
  }

  // ----- one voice -------------------------------------------------------------------
  var audio = null;
  function chime() {  // "ting-tong": a high tone, then a lower one
    return new Promise(function (done) {
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        var now = audio.currentTime;
        [[659.3, 0], [523.3, 0.55]].forEach(function (tone) {
          var osc = audio.createOscillator(), gain = audio.createGain();
          osc.frequency.value = tone[0];
          gain.gain.setValueAtTime(0.0001, now + tone[1]);
          gain.gain.exponentialRampToValueAtTime(0.5, now + tone[1] + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, now + tone[1] + 0.9);
          osc.connect(gain).connect(audio.destination);
          osc.start(now + tone[1]); osc.stop(now + tone[1] + 0.95);
        });
      } catch (e) { /* no audio device: the sentence still comes */ }
      setTimeout(done, 1500);
    });
  }

  function say(call) {
    return new Promise(function (done) {
      var words = call.sentence.split(/\s+/).length;
      var limit = setTimeout(done, (words * 450) / (call.rate || 0.8) + 1500);
      try {
        var utterance = new SpeechSynthesisUtterance(call.sentence);
        utterance.lang = call.lang; utterance.rate = call.rate || 0.8;
        var voices = window.speechSynthesis.getVoices().filter(function (v) {
          return v.lang && v.lang.toLowerCase().indexOf("id") === 0;
        });
        if (voices.length) utterance.voice = voices[0];
        utterance.onend = function () { clearTimeout(limit); done(); };
        window.speechSynthesis.speak(utterance);
      } catch (e) { /* no speech engine in this browser */ }
    });
  }

  function current(key) {
    return !!board.state && (board.state.calling || []).indexOf(key) >= 0;
  }

  board.drain = function () {
    if (board.speaking || board.hold || !board.queue.length) return;
    var call = board.queue.shift();
    if (!current(call.key)) {  // the ticket moved on (no-show, served): not said any more
      board.dropped.push(call.key);
      return board.drain();
    }
    board.speaking = true;
    board.announced.push({key: call.key, number: call.number, at: Date.now()});
    (call.chime ? chime() : Promise.resolve()).then(function () {
      return current(call.key) ? say(call) : null;
    }).then(function () { board.speaking = false; board.drain(); });
  };

  // ----- the stream ------------------------------------------------------------------
  var events = new EventSource("events");
  events.addEventListener("hello", function (e) {
    board.viewer = JSON.parse(e.data).viewer;
    document.body.classList.remove("refused");
  });
  events.addEventListener("state", function (e) { draw(JSON.parse(e.data)); board.drain(); });
  events.addEventListener("announce", function (e) {
    board.queue.push(JSON.parse(e.data)); board.drain();
  });
  events.addEventListener("refused", function (e) {
    text("refused", JSON.parse(e.data).message);
    document.body.classList.add("refused");
  });

  function clock() {
    var now = new Date();
    text("clock", now.toLocaleDateString(document.documentElement.lang || "id",
      {weekday: "long", day: "numeric", month: "long"}) + " " +
      now.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"}));
  }
  clock(); setInterval(clock, 1000);
})();
