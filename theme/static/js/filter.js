// Filters the home page's timeline in place by actor, type and year. The state lives in the query string,
// so a filtered view can be shared and reloaded. Without JavaScript the form stays hidden and the links to
// the year and type pages (and the actor pages) do the same job.
(() => {
  "use strict";
  const form = document.getElementById("timeline-filters");
  const count = document.getElementById("filter-count");
  const fold = document.getElementById("filters-fold");
  if (!form || !count) return;
  const names = ["actor", "type", "year"];
  const cards = [...document.querySelectorAll(".event-card[data-year]")];

  const matches = (card, state) =>
    (!state.actor || card.dataset.actors.split(" ").includes(state.actor)) &&
    (!state.type || card.dataset.type === state.type) &&
    (!state.year || card.dataset.year.split(" ").includes(state.year));

  // A month or year with no event left would be an empty heading.
  const hideEmpty = (selector) => {
    for (const group of document.querySelectorAll(selector)) {
      group.hidden = !group.querySelector(".events > li:not([hidden])");
    }
  };

  // The page's words in its language (data-words): forms by plural category, %(name)s filled in.
  const words = JSON.parse(count.dataset.words);
  const plural = (forms, n) => forms[new Intl.PluralRules(document.documentElement.lang).select(n)] ?? forms.other;
  const fill = (text, values) => text.replace(/%\((\w+)\)[sd]/g, (_, name) => values[name]);
  const say = (shown) => {
    count.textContent = shown === 0
      ? words.none
      : fill(plural(words.showing, cards.length), { shown, num: cards.length });
  };

  const apply = () => {
    const state = Object.fromEntries(names.map((name) => [name, form.elements[name].value]));
    let shown = 0;
    for (const card of cards) {
      const show = matches(card, state);
      card.parentElement.hidden = !show;
      shown += show ? 1 : 0;
    }
    hideEmpty(".month");
    hideEmpty(".year");
    // "11 months later" counts from the month listed before, which a filter may have hidden.
    const filtered = names.some((name) => state[name]);
    for (const note of document.querySelectorAll(".gap-note")) note.hidden = filtered;
    say(shown);
    const url = new URL(location.href);
    url.search = new URLSearchParams(names.filter((name) => state[name]).map((name) => [name, state[name]]));
    history.replaceState(null, "", url);
  };

  // A link shared before an actor was renamed names it by a former slug, which its option lists.
  const current = (select, value) =>
    [...select.options].find((option) => option.dataset.aliases?.split(" ").includes(value))?.value ?? value;

  const params = new URLSearchParams(location.search);
  for (const name of names) {
    const select = form.elements[name];
    select.value = current(select, params.get(name) || "");
    if (select.selectedIndex < 0) select.value = "";  // an unknown value in a shared link shows everything
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  // A shared filtered view shows the filters that made it.
  if (fold && names.some((name) => form.elements[name].value)) fold.open = true;
  // The links to year and type pages are the fallback for these controls; two ways to do one thing is one too many.
  for (const nav of document.querySelectorAll(".filter-nav")) nav.hidden = true;
  // Unfiltered, every card is shown already: going over them all would only hold up the page's first moments.
  if (names.some((name) => form.elements[name].value)) apply();
  else say(cards.length);
})();
