/// The search page's script: it reads the index of docs/SEARCH.md in the browser. Plain JavaScript, written here,
/// with no dependencies and nothing fetched from another host; the build writes it as `search/qanda-search.<hash>.js`.
/// Its tokenizer and stemmer must give the same terms as `SearchTokenizer` and `EnglishStemmer` (check_browser.py
/// compares them through `window.qandaSearch`). The words it shows come from the page (`data-strings`, in the
/// site's language), so one script, named by a hash of its bytes, serves every language; it picks plural forms
/// with the browser's CLDR rules (Intl.PluralRules) for the page's `lang`.
package enum SearchScript {
    package static let source: String = #"""
// Qanda search: the reader's side of docs/SEARCH.md.
(() => {
  "use strict";

  // ---- Stemmer: Snowball English (Porter2), ported from EnglishStemmer.swift ----

  const EXCEPTIONS = new Map([
    ["skis", "ski"], ["skies", "sky"], ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"], ["early", "earli"],
    ["only", "onli"], ["singly", "singl"], ["sky", "sky"], ["news", "news"], ["howe", "howe"], ["atlas", "atlas"],
    ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"],
  ]);
  const REGION_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
  const STEP1A = ["sses", "ied", "ies", "s", "us", "ss"];
  const STEP1B = ["eed", "eedly", "ed", "edly", "ing", "ingly"];
  const STEP2 = new Map([
    ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"], ["izer", "ize"],
    ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"], ["alism", "al"], ["aliti", "al"],
    ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"], ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"],
    ["biliti", "ble"], ["bli", "ble"], ["ogist", "og"], ["ogi", "og"], ["fulli", "ful"], ["lessli", "less"], ["li", ""],
  ]);
  const STEP3 = new Map([
    ["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ical", "ic"],
    ["ful", ""], ["ness", ""], ["ative", ""],
  ]);
  const STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti",
    "ous", "ive", "ize", "ion"];

  /** The stem of a word of lowercase ASCII letters (what the tokenizer passes). */
  function stem(word) {
    const exception = EXCEPTIONS.get(word);
    if (exception !== undefined) return exception;
    if (word.length <= 2) return word;
    const w = Array.from(word);
    const isVowel = (i) => i >= 0 && i < w.length && "aeiouy".includes(w[i]);   // a 'Y' (consonant y) is not
    const endsWith = (suffix, end = w.length) => suffix.length <= end && w.slice(end - suffix.length, end).join("") === suffix;
    const longest = (suffixes) => {   // the longest suffix that matches, as Snowball's `among` picks it
      let best = null;
      for (const suffix of suffixes) if ((best === null || suffix.length > best.length) && endsWith(suffix)) best = suffix;
      return best;
    };
    const replace = (length, by) => { w.splice(w.length - length, length, ...by); };
    const hasVowelBefore = (end) => { for (let i = 0; i < end; i++) if (isVowel(i)) return true; return false; };
    const isShortSyllable = (end) =>
      (end >= 3 && !isVowel(end - 1) && isVowel(end - 2) && !isVowel(end - 3) && !"wxY".includes(w[end - 1]))
      || (end === 2 && !isVowel(1) && isVowel(0))
      || endsWith("past", end);

    // A y at the start or after a vowel is a consonant: 'Y' until the end.
    let foundY = false;
    if (w[0] === "y") { w[0] = "Y"; foundY = true; }
    for (let i = 0; i + 1 < w.length;) {
      if (isVowel(i) && w[i + 1] === "y") { w[i + 1] = "Y"; foundY = true; i += 2; } else i += 1;
    }
    const regionStart = (start) => {
      let i = start;
      while (i < w.length && !isVowel(i)) i++;
      while (i < w.length && isVowel(i)) i++;
      return Math.min(i + 1, w.length);
    };
    const marked = w.join("");
    const prefix = REGION_PREFIXES.find((p) => marked.startsWith(p));
    const r1 = prefix ? prefix.length : regionStart(0);
    const r2 = regionStart(r1);

    let suffix = longest(STEP1A);
    if (suffix) {
      const start = w.length - suffix.length;
      if (suffix === "sses") replace(4, "ss");
      else if (suffix === "ied" || suffix === "ies") replace(3, start > 1 ? "i" : "ie");
      else if (suffix === "s" && start >= 2 && hasVowelBefore(start - 1)) w.pop();
    }

    const step1b = () => {
      const found = longest(STEP1B);
      if (!found) return;
      const start = w.length - found.length;
      if (found === "eed" || found === "eedly") {
        const before = w.slice(0, start).join("");
        if (start >= r1 && before !== "proc" && before !== "exc" && before !== "succ") replace(found.length, "ee");
        return;
      }
      if (found === "ing") {
        if (start === 2 && w[1] === "y" && !isVowel(0)) { replace(4, "ie"); return; }   // dying -> die
        if (["inn", "out", "cann", "herr", "earr", "even"].some((whole) => start === whole.length && endsWith(whole, start))) return;
      }
      if (!hasVowelBefore(start)) return;
      w.length = start;
      const last = w[w.length - 1];
      if (endsWith("at") || endsWith("bl") || endsWith("iz")) w.push("e");
      else if (w.length >= 2 && w[w.length - 2] === last && "bdfgmnprt".includes(last)) {
        if (!(w.length === 3 && "aeo".includes(w[0]))) w.pop();   // hopping -> hop, but added -> add
      } else if (w.length === r1 && isShortSyllable(w.length)) w.push("e");
    };
    step1b();

    const end = w[w.length - 1];
    if (w.length > 2 && (end === "y" || end === "Y") && !isVowel(w.length - 2)) w[w.length - 1] = "i";

    suffix = longest(STEP2.keys());
    if (suffix) {
      const start = w.length - suffix.length;
      const before = w[start - 1];
      if (start >= r1 && (suffix !== "ogi" || before === "l") && (suffix !== "li" || (start > 0 && "cdeghkmnrt".includes(before)))) {
        replace(suffix.length, STEP2.get(suffix));
      }
    }
    suffix = longest(STEP3.keys());
    if (suffix) {
      const start = w.length - suffix.length;
      if (start >= r1 && (suffix !== "ative" || start >= r2)) replace(suffix.length, STEP3.get(suffix));
    }
    suffix = longest(STEP4);
    if (suffix) {
      const start = w.length - suffix.length;
      if (start >= r2 && (suffix !== "ion" || w[start - 1] === "s" || w[start - 1] === "t")) w.length = start;
    }
    if (w.length > 0) {
      const start = w.length - 1;
      if (w[start] === "e") {
        if (start >= r2 || (start >= r1 && !isShortSyllable(start))) w.pop();
      } else if (w[start] === "l") {
        if (start >= r2 && w[start - 1] === "l") w.pop();
      }
    }
    const stemmed = w.join("");
    return foundY ? stemmed.replaceAll("Y", "y") : stemmed;
  }

  // ---- Tokenizer: the "Terms" section of docs/SEARCH.md, as SearchTokenizer.swift ----

  const MAX_WORD = 40;
  const WORD_CHARACTER = /[\p{Alphabetic}\p{Nd}\p{M}]/u;
  // Accents (the combining diacritics blocks) and Hebrew and Arabic points; other scripts' marks stay.
  const DROPPED_MARKS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]|(?=[\u0591-\u05C7\u064B-\u065F\u0670])\p{Mn}/gu;
  const ENGLISH_LOOKING = /^[a-z]+$/;

  // Σ -> σ first: toLowerCase alone makes a final Σ ς, where Swift's lowercased() gives σ.
  const fold = (text) => text.normalize("NFKD").replace(DROPPED_MARKS, "").normalize("NFC").replaceAll("Σ", "σ").toLowerCase();

  /** Han, Hiragana, Katakana and Hangul: each character is a word, since those scripts do not put spaces between words. */
  const isWrittenWithoutSpaces = (c) =>
    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF)
    || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)
    || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)
    || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);

  /** Folded words, not stemmed, each at most 40 scalars. */
  function words(text) {
    const found = [];
    let current = [];
    const finish = () => { if (current.length) { found.push(current.join("")); current = []; } };
    for (const character of fold(text)) {
      const c = character.codePointAt(0);
      if (character === "'" || character === "\u2019") continue;
      let isWord;
      if (c < 0x80) isWord = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
      else if (isWrittenWithoutSpaces(c)) { finish(); found.push(character); continue; }
      else isWord = WORD_CHARACTER.test(character);
      if (!isWord) finish();
      else if (current.length < MAX_WORD) current.push(character);
    }
    finish();
    return found;
  }

  const termOf = (word) => (ENGLISH_LOOKING.test(word) ? stem(word) : word);
  const terms = (text) => words(text).map(termOf);

  // ---- Index files: each fetched once and kept ----

  const files = new Map();
  function load(url, read) {
    let promise = files.get(url);
    if (!promise) {
      promise = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${url}`);
        return read(response);
      });
      promise.catch(() => files.delete(url));   // a failed load is tried again by the next query
      files.set(url, promise);
    }
    return promise;
  }
  const json = (response) => response.json();
  const utf8 = new TextDecoder();

  /** The next unsigned LEB128 varint of `bytes` at `cursor.at`. */
  function varint(bytes, cursor) {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      if (cursor.at >= bytes.length) throw new Error("truncated index file");
      const byte = bytes[cursor.at++];
      value += (byte & 0x7F) * scale;
      if (byte < 0x80) return value;
    }
  }

  /** A term shard: its sorted terms and, for each, df and where its postings start; postings decoded when asked. */
  function readShard(buffer) {
    const bytes = new Uint8Array(buffer), cursor = { at: 0 };
    const next = () => varint(bytes, cursor);
    const entries = new Map();
    for (let count = next(), i = 0; i < count; i++) {
      const length = next();
      const term = utf8.decode(bytes.subarray(cursor.at, cursor.at + length));
      cursor.at += length;
      const df = next(), n = next(), start = cursor.at;
      for (let k = 0; k < n; k++) { next(); cursor.at += 2; }
      entries.set(term, { df, n, start, postings: null });
    }
    const postings = (entry) => {
      if (!entry.postings) {
        cursor.at = entry.start;
        const ids = new Float64Array(entry.n), tf = new Uint8Array(entry.n), lengthCode = new Uint8Array(entry.n);
        for (let k = 0, id = 0; k < entry.n; k++) {
          ids[k] = id += next();
          tf[k] = bytes[cursor.at++];
          lengthCode[k] = bytes[cursor.at++];
        }
        entry.postings = { ids, tf, lengthCode };
      }
      return entry.postings;
    };
    return { entries, postings };
  }

  /** A category file: the set of its ids. */
  async function readIdSet(response) {
    const bytes = new Uint8Array(await response.arrayBuffer()), cursor = { at: 0 };
    const ids = new Set();
    for (let n = varint(bytes, cursor), k = 0, id = 0; k < n; k++) ids.add(id += varint(bytes, cursor));
    return ids;
  }

  // ---- Search ----

  const K1 = 1.2;
  const B = 0.75;
  const MAX_RANGE_SHARDS = 4;     // shards loaded for one prefix (each of a frequent term is 6 kB at 100,000 threads)
  const PREFIX_WEIGHT = 0.3;      // a term the last, half-typed word begins (tuned on CounselChat)
  const PREFIX_TERMS = 30;        // the most frequent of those
  const FORM_WEIGHT = 0.2;        // a term sharing a long beginning with a word's stem: another form of it
  const FORM_TERMS = 10;
  const FORM_MIN = 5;             // the shortest stem that has other forms looked for
  const COVERAGE = 2;             // the score times (words matched / query words) to this power
  const RESULTS = 10;

  let rootURL = null;
  const fileURL = (name) => new URL(name, rootURL).href;
  const root = () => load(rootURL, json);

  /** The index of the last entry whose first term is <= term (the first entry's is ""). */
  function entryFor(entries, term) {
    let low = 0, high = entries.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (entries[middle][0] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  /** The shards that may hold terms from `low` to `high` (both included), at most `limit` of them. */
  async function shardsBetween(low, high, limit) {
    const names = [];
    const dirs = (await root()).dirs;
    for (let d = entryFor(dirs, low), lastDir = entryFor(dirs, high); d <= lastDir && names.length < limit; d++) {
      const dir = await load(fileURL(dirs[d][1]), json);
      for (let s = entryFor(dir, low), last = entryFor(dir, high); s <= last && names.length < limit; s++) names.push(dir[s][1]);
    }
    return Promise.all(names.map((name) => load(fileURL(name), async (response) => readShard(await response.arrayBuffer()))));
  }

  /** Up to `limit` terms beginning with `prefix`, most frequent first, other than `except`. */
  async function termsBeginning(prefix, limit, except) {
    const found = [];
    for (const shard of await shardsBetween(prefix, prefix + "\uFFFF", MAX_RANGE_SHARDS)) {
      for (const [term, entry] of shard.entries) {
        if (term.startsWith(prefix) && !except.has(term)) found.push({ term, shard, entry });
      }
    }
    return found.sort((a, b) => b.entry.df - a.entry.df).slice(0, limit);
  }

  /** The query's words, each with the terms it matches and their weights. */
  async function queryWords(query) {
    const folded = words(query);
    const prefixLast = folded.length > 0 && !/\s$/.test(query);
    const seen = new Set();
    const result = [];
    for (const [index, word] of folded.entries()) {
      const term = termOf(word);
      const isLast = index === folded.length - 1;
      const repeated = seen.has(term);
      if (repeated && !(isLast && prefixLast)) continue;
      seen.add(term);
      const matches = [];
      const taken = new Set([term]);
      const [exact] = await shardsBetween(term, term, 1);
      const entry = exact.entries.get(term);
      if (entry && !repeated) matches.push({ term, shard: exact, entry, weight: 1 });
      if (isLast && prefixLast && word.length >= 2) {
        // A word that is a term already is likely complete: its longer neighbours count less.
        const weight = entry ? PREFIX_WEIGHT / 2 : PREFIX_WEIGHT;
        for (const match of await termsBeginning(word, PREFIX_TERMS, taken)) {
          taken.add(match.term);
          matches.push({ ...match, weight });
        }
      }
      // Another form: "anxious" (anxious) for "anxiety" (anxieti) share "anxi".
      // Not for a half-typed last word: its prefix matches are its other forms already.
      if (ENGLISH_LOOKING.test(word) && term.length >= FORM_MIN && (entry || !(isLast && prefixLast))) {
        const beginning = term.slice(0, Math.max(4, term.length - 3));
        for (const match of await termsBeginning(beginning, FORM_TERMS, taken)) {
          taken.add(match.term);
          matches.push({ ...match, weight: FORM_WEIGHT });
        }
      }
      result.push({ word, prefix: isLast && prefixLast ? word : null, matches });
    }
    return result;
  }

  /** Documents by BM25 score: for each query word its best-scoring term, summed over the words. */
  async function search(query, categorySlug) {
    const index = await root();
    const queried = await queryWords(query);
    const total = Math.max(index.docs, 1), averageLength = index.averageLength || 1;
    const scores = new Map(), matched = new Map();
    for (const { matches } of queried) {
      const best = new Map();
      for (const { shard, entry, weight } of matches) {
        const idf = Math.log(1 + (total - entry.df + 0.5) / (entry.df + 0.5));
        const { ids, tf, lengthCode } = shard.postings(entry);
        for (let k = 0; k < ids.length; k++) {
          const length = 2 ** (lengthCode[k] / 16) - 1;
          const score = weight * idf * (tf[k] * (K1 + 1)) / (tf[k] + K1 * (1 - B + B * length / averageLength));
          if (score > (best.get(ids[k]) || 0)) best.set(ids[k], score);
        }
      }
      for (const [id, score] of best) {
        scores.set(id, (scores.get(id) || 0) + score);
        matched.set(id, (matched.get(id) || 0) + 1);
      }
    }
    // A thread that has all the words a reader remembers beats one that has a rare one many times.
    let ranked = [...scores].map(([id, score]) => [id, score * (matched.get(id) / queried.length) ** COVERAGE]);
    const category = categorySlug ? (index.categories || []).find((c) => c.slug === categorySlug) : null;
    if (category) {
      const members = await load(fileURL(category.file), readIdSet);
      ranked = ranked.filter(([id]) => members.has(id));
    }
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const matchedTerms = new Set(queried.flatMap(({ matches }) => matches.map((m) => m.term)));
    const prefixes = queried.map((q) => q.prefix).filter(Boolean);
    const top = await Promise.all(ranked.slice(0, RESULTS).map(([id]) => documentFor(index, id)));
    return { count: ranked.length, category, results: top.filter(Boolean), matchedTerms, prefixes };
  }

  /** What a result shows, from the docs file that holds its id. */
  async function documentFor(index, id) {
    const bucket = Math.floor(id / index.bucket), first = bucket * index.bucket;
    const count = Math.min(index.bucket, index.ids - first);
    const docs = await load(fileURL(`docs.${index.epoch}.${bucket}.${count}.json`), json);
    return docs[id - first] || null;
  }

  // ---- The page ----

  window.qandaSearch = { stem, terms, words, fold, search };

  const container = document.getElementById("search");
  if (!container || !container.dataset.root) return;
  rootURL = new URL(container.dataset.root, document.baseURI).href;
  const form = container.querySelector("form");
  const input = form.elements.namedItem("q");
  const select = form.elements.namedItem("category");
  const status = container.querySelector("[role=status]");
  const list = container.querySelector(".search-results");
  for (const notice of container.querySelectorAll(".search-needs-js")) notice.hidden = true;

  // ---- Words, in the page's language ----

  let strings = {};
  try { strings = JSON.parse(container.dataset.strings || "{}"); } catch (error) { console.warn("qanda search:", error); }
  const language = document.documentElement.lang || "en";
  let pluralRules = null;
  try { pluralRules = new Intl.PluralRules(language); } catch (error) { pluralRules = new Intl.PluralRules("en"); }
  const numbers = new Intl.NumberFormat(pluralRules.resolvedOptions().locale);
  /** A string with its {placeholders} filled in. */
  const fill = (pattern, values) => String(pattern || "").replace(/\{([a-z0-9_]+)\}/g,
    (whole, name) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
  /** The form of a plural string for `count`: its exact form ("=0"), else its CLDR category's, else "other". */
  const plural = (forms, count, values = {}) => {
    const chosen = (forms || {})[`=${count}`] ?? (forms || {})[pluralRules.select(count)] ?? (forms || {}).other;
    return fill(chosen, { ...values, count: numbers.format(count) });
  };

  const HIGHLIGHTED = /[\p{L}\p{N}\p{M}'\u2019]+/gu;

  /** Text with the words that match the query in <mark>, as DOM nodes (never parsed as HTML). */
  function highlight(text, isMatch) {
    const fragment = document.createDocumentFragment();
    let done = 0, marks = 0;
    for (const found of text.matchAll(HIGHLIGHTED)) {
      if (!isMatch(found[0])) continue;
      fragment.append(text.slice(done, found.index));
      const mark = document.createElement("mark");
      mark.textContent = found[0];
      fragment.append(mark);
      done = found.index + found[0].length;
      marks += 1;
    }
    fragment.append(text.slice(done));
    return { fragment, marks };
  }

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  }

  function show(found) {
    const isMatch = (word) => {
      const folded = words(word);
      return folded.some((w) => found.matchedTerms.has(termOf(w)) || found.prefixes.some((p) => w.startsWith(p)));
    };
    list.replaceChildren(...found.results.map((doc) => {
      const link = element("a", null, highlight(String(doc.title || doc.url), isMatch).fragment);
      link.href = doc.url;
      const date = element("time", null, String(doc.dateText || doc.date || ""));
      if (doc.date) date.dateTime = doc.date;
      const answers = Number(doc.answers) || 0;
      const meta = element("p", "meta", String(doc.category || ""), " · ", date, " · ", plural(strings.answers, answers));
      // The snippet comes from the question, or from the best answer when only it has the words.
      const question = highlight(String(doc.question || ""), isMatch);
      const answer = highlight(String(doc.answer || ""), isMatch);
      const snippet = answer.marks > question.marks
        ? element("p", "snippet", element("span", "snippet-source", `${strings.answerPrefix || ""} `), answer.fragment)
        : element("p", "snippet", question.fragment);
      return element("li", "search-result", element("h2", null, link), meta, snippet);
    }));
  }

  function syncURL(query, category) {
    const url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    if (category) url.searchParams.set("category", category); else url.searchParams.delete("category");
    window.history.replaceState(window.history.state, "", url);
  }

  let generation = 0;
  async function run() {
    const mine = ++generation;
    const query = input.value;
    const categorySlug = select ? select.value : "";
    syncURL(query, categorySlug);
    if (words(query).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const found = await search(query, categorySlug);
      if (mine !== generation) return;   // a newer query is on its way
      show(found);
      const values = { query: query.trim(), category: found.category ? found.category.name : "" };
      let text = found.count === 0 ? fill(found.category ? strings.noResultsIn : strings.noResults, values)
        : plural(found.category ? strings.resultsIn : strings.results, found.count, values);
      if (found.count > RESULTS) text = fill(strings.firstShown, { results: text, shown: numbers.format(RESULTS) });
      status.classList.remove("search-error");
      status.textContent = text;
      status.dataset.query = query.trim();   // which query the status speaks of (for tests, in any language)
    } catch (error) {
      if (mine !== generation) return;
      list.replaceChildren();
      status.classList.add("search-error");
      status.textContent = strings.error || "";
      status.dataset.query = query.trim();
      console.warn("qanda search:", error);
    }
  }

  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  if (select) select.addEventListener("change", () => { clearTimeout(timer); run(); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); run(); });

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  const wanted = params.get("category") || "";
  if (select && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
  if (input.value) run();
})();
"""#
}
