// The search page: Pagefind's index is loaded only here, on the reader's first search. The query lives in
// the URL (?q=) so a search can be shared and reloaded.
const form = document.getElementById("search-form");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const LIMIT = 20;
let engine;

// A long record's index comes in shards (a thousand pages each); the first one's code searches them all.
// Each is merged with a filter naming it, so that results can be told apart by shard.
const SHARD = "shard";
const pagefind = () => {
  engine ??= (async () => {
    const root = new URL(form.dataset.root, location.href);
    const [first, ...others] = form.dataset.indexes.split(" ").map((folder) => new URL(folder, root).href);
    const found = await import(`${first}pagefind.js`);
    await found.options({ mergeFilter: { [SHARD]: "1" } });
    await Promise.all(others.map((index, n) => found.mergeIndex(index, { mergeFilter: { [SHARD]: `${n + 2}` } })));
    return found;
  })();
  return engine;
};

const words = (text) => text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// When a shard has no word that begins like a searched word, Pagefind answers with the longest beginning
// of it that the shard does have: "in" for "indoctrinating". Such a shard's best result marks only
// those short beginnings.
const answersWithBeginnings = (result, terms) => {
  const marked = [...result.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((match) => words(match[1]));
  return marked.length > 0 && marked.every((word) =>
    terms.some((term) => term.startsWith(word) && word.length * 2 <= term.length));
};

// The results of the shards that hold the words searched for, or all results if none does (as one
// index would answer).
const relevant = async (index, query, found) => {
  const shards = Object.entries(found.filters[SHARD] ?? {}).filter(([, count]) => count > 0);
  if (shards.length < 2) return found.results;
  const terms = words(query);
  const answers = await Promise.all(shards.map(async ([shard]) => {
    const { results } = await index.search(query, { filters: { [SHARD]: shard } });
    return { results, beginnings: answersWithBeginnings(await results[0].data(), terms) };
  }));
  if (answers.every((answer) => answer.beginnings)) return found.results;
  return answers.filter((answer) => !answer.beginnings).flatMap((answer) => answer.results)
    .sort((a, b) => b.score - a.score);
};

// Pagefind's excerpt is HTML with <mark> around the matched words; only text and <mark> are kept.
const excerpt = (html) => {
  const paragraph = document.createElement("p");
  for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
};

const item = (result) => {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title;
  const heading = document.createElement("h2");
  heading.append(link);
  li.append(heading);
  if (result.meta.kicker) {
    const kicker = document.createElement("p");
    kicker.className = "kicker";
    kicker.textContent = result.meta.kicker;
    li.append(kicker);
  }
  li.append(excerpt(result.excerpt));
  return li;
};

const remember = (query) => {
  const url = new URL(location.href);
  url.search = query ? new URLSearchParams({ q: query }) : "";
  history.replaceState(null, "", url);
};

const run = async (query, debounce) => {
  remember(query);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const index = await pagefind();
  const found = await index.debouncedSearch(query, {}, debounce);
  if (found === null) return;  // a newer query has replaced this one
  const matches = await relevant(index, query, found);
  const results = await Promise.all(matches.slice(0, LIMIT).map((result) => result.data()));
  if (input.value.trim() !== query) return;  // typed on while the shards were searched
  list.replaceChildren(...results.map(item));
  const total = matches.length;
  status.textContent = total === 0
    ? `Nothing found for “${query}”.`
    : `${total} result${total === 1 ? "" : "s"} for “${query}”${total > LIMIT ? `, the first ${LIMIT} shown` : ""}.`;
};

const search = (debounce) => run(input.value.trim(), debounce).catch(() => {
  status.textContent = "Search could not be loaded. Browse the timeline by year or type instead.";
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(0);
});
input.addEventListener("input", () => search(300));

input.value = new URLSearchParams(location.search).get("q") || "";
if (input.value.trim()) search(0);
