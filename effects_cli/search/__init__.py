"""Search a guide the way readers type: ranked, forgiving of word forms and typos.

Each section and sub-point is one document with four fields, its title, its
text, its keywords and its related words, scored with BM25F: a word in a title
weighs more than one in the text, a keyword less, a related word least; text
lengths are normalised so that a short sub-point and a longer section compete
fairly. Several query words are ORed, not ANDed: an entry holding more of them
comes first, and higher still when they stand close together. Ties keep guide
order. Function words (``how``, ``can``, ``the``) are left out of a query, and a
query the guide does not cover gets no hits, and why (`coverage`).

Words are compared case- and accent-insensitively (``Café`` is ``cafe``). A
query word matches, in falling order of weight:

1. the same word (``stigma``);
2. another form with the same Snowball stem (``meditate`` finds ``meditation``);
3. a longer stem it begins, or a slightly shorter stem that begins it
   (``lonely`` finds ``loneliness``, ``stigmatized`` finds ``stigma``).

The exact form counts most because stemmers conflate words readers keep
apart (``experiment`` and ``experience`` share a stem). Hyphenated words and
hashtags are indexed whole and by their parts: ``self-help`` is ``self``,
``help`` and ``selfhelp``; ``#BellLetsTalk`` is ``bell``, ``lets``, ``talk``
and ``belletstalk``. A quoted phrase (``"peer support"``) matches its words
adjacent and in order. A query word found nowhere that is not an English word
is replaced by the guide's closest word (``meditaton`` by ``meditation``), and
the result says so; a real word (``mediation``) never is.

The index of a guide is plain data (`index.IndexData`), which `stored` keeps
in the cache for reading in place. Nothing here prints.

The modules, one job each (split as whoosh splits its search):

- `results`: what a search returns (`Hit`, `Snippet`, `Results`); rendering
  imports it without loading the rest;
- `text`: tokenising and folding words;
- `query`: a query parsed into loose words, phrases and compounds;
- `stemmer`: Snowball's English stemmer, loaded alone, and what else an index
  depends on;
- `corpus`: the titles and texts search reads, entries made on demand;
- `postings`: what an index is made of, and the number each posting is;
- `build`: an index built from a guide's words;
- `index`: the inverted index's lookups;
- `stored`: the index in the cache, read in place;
- `forms`: which of the guide's words a query word matches, and how much;
- `ranking`: BM25F, phrase counts and proximity;
- `function_words`: the words of how readers ask, which neither score nor count
  for proximity;
- `tally`: the clauses of a search added up, and the entries ranked;
- `coverage`: whether the guide covers a query, and which entries are related
  when it does not;
- `english`: whether a word is English (a real word is never corrected);
- `typos`: the guide's word a misspelt one stands for, and suggestions;
- `snippets`: the window of text shown with a hit;
- `regex`: ``--regex`` search;
- `engine`: `engine.search`, which puts the above together.

This file imports nothing, so that importing one module loads only what that
module needs.
"""
