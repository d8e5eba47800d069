// Passing alerts for the runners this browser follows ("tpn-following" in localStorage, "race/bib" keys), while
// one of the site's pages is open: each followed race's live event says it changed, the followed runners of that
// race are fetched again, and a passage not seen before is announced in the page (an aria-live region, which every
// phone shows) and, where the spectator allowed it, as a system notification. Nothing about who follows whom
// reaches the server.
(() => {
  "use strict";
  // each live stream holds one of the 6 connections a browser opens to a site, and the page needs its own
  const MAX_RACES = 3, MAX_RUNNERS = 20;
  const settings = document.currentScript.dataset;
  const keys = JSON.parse(localStorage.getItem("tpn-following") || "[]")
      .filter(key => /^[^/]+\/\d+$/.test(key)).slice(0, MAX_RUNNERS);
  const races = [...new Set(keys.map(key => key.split("/")[0]))].slice(0, MAX_RACES);
  if (races.length === 0 || !window.EventSource) return;

  const french = document.documentElement.lang === "fr";
  const ordinal = rank => {
    if (french) return rank + (rank === 1 ? "er" : "e");
    const tens = rank % 100, units = rank % 10;
    return rank + (tens > 10 && tens < 14 ? "th" : units === 1 ? "st" : units === 2 ? "nd" : units === 3 ? "rd" : "th");
  };
  // the event's time of day, as the pages write it, whatever zone the phone is in
  const hourMinute = new Intl.DateTimeFormat("fr-FR", { timeZone: settings.zone, hour: "2-digit", minute: "2-digit" });

  const box = document.createElement("aside");
  box.id = "following-alerts";
  box.setAttribute("aria-label", settings.label);
  box.style.cssText = "position:fixed;right:.5rem;bottom:.5rem;max-width:22rem;z-index:10;display:flex;"
      + "flex-direction:column;gap:.3rem;align-items:flex-end";
  const said = document.createElement("div");
  said.setAttribute("role", "status");
  said.setAttribute("aria-live", "polite");
  said.style.cssText = "display:flex;flex-direction:column;gap:.3rem";
  box.append(said);
  if (window.Notification && Notification.permission === "default") {
    const turnOn = document.createElement("button");
    turnOn.type = "button";
    turnOn.textContent = settings.turnOn;
    turnOn.addEventListener("click", () => Promise.resolve(Notification.requestPermission())
        .finally(() => turnOn.remove()));
    box.append(turnOn);
  }
  document.body.append(box);

  const announce = (runner, split) => {
    const text = settings.bib + " " + runner.bib + (runner.name ? " " + runner.name : "") + " — " + split.pointName
        + ", " + hourMinute.format(new Date(split.time)) + (split.rank ? ", " + ordinal(split.rank) : "");
    const toast = document.createElement("a");
    toast.className = "alert";
    toast.href = "/races/" + encodeURIComponent(runner.raceCode) + "/runners/" + runner.bib;
    toast.textContent = text;
    toast.style.cssText = "display:block;background:#1b1b1b;color:#fff;padding:.6rem .8rem;border-radius:.4rem;"
        + "text-decoration:none;box-shadow:0 .2rem .6rem #0006";
    said.append(toast);
    setTimeout(() => toast.remove(), 120000);
    while (said.children.length > 4) said.firstElementChild.remove();
    if (window.Notification && Notification.permission === "granted") {
      // phones allow notifications from a service worker only and throw here: the page's own alert is enough
      try { new Notification(text, { tag: runner.raceCode + "/" + runner.bib + "/" + split.order }); } catch (e) { }
    }
  };

  // what each followed runner had passed when last looked at: a passage is told once, and never on first sight
  const seen = new Map();
  const passageId = split => split.order + "@" + split.time;
  const look = (key, tell) => fetch("/api/races/" + key.replace("/", "/runners/"), { credentials: "omit" })
      .then(r => r.ok ? r.json() : null).then(runner => {
        if (!runner) return;
        const before = seen.get(key), now = runner.splits.filter(s => !s.doubtful);
        seen.set(key, new Set(now.map(passageId)));
        const fresh = before ? now.filter(s => !before.has(passageId(s))) : [];
        if (tell && fresh.length) announce(runner, fresh[fresh.length - 1]);
      }).catch(() => { });

  let opened = 0;
  const baseline = Promise.all(keys.map(key => look(key, false)));
  const streams = [];
  // as the layout does with the page's own stream: a page left for another lets its streams go, or the pages kept
  // behind the back button would hold the six connections a browser opens to the site and the next page would wait;
  // back there, the page starts again
  addEventListener("pagehide", () => streams.forEach(stream => stream.close()));
  addEventListener("pageshow", shown => { if (shown.persisted) location.reload(); });
  races.forEach(race => {
    const followedHere = keys.filter(key => key.split("/")[0] === race);
    // a burst of changes in one race is looked at once, half a second after it began
    let waiting = null;
    const stream = new EventSource("/races/" + encodeURIComponent(race) + "/live");
    streams.push(stream);
    stream.onmessage = () => {
      if (waiting) return;
      waiting = setTimeout(() => {
        waiting = null;
        baseline.then(() => Promise.all(followedHere.map(key => look(key, true))));
      }, 500);
    };
    stream.addEventListener("open", () => {
      if (++opened === races.length) baseline.then(() => { box.dataset.listening = "yes"; });
    }, { once: true });
  });
})();
