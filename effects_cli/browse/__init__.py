"""``effects browse``: the guide on a full screen, built with Textual.

One job a module:

- `app`: the Textual app: the panes, the layout for a wide or a small terminal,
  and what each key does; `run` starts it;
- `keys`: every key binding, declared once: the footer, the panes and the help
  screen all read them from here;
- `outline`: the guide's sections and sub-points, numbered, folded and unfolded;
- `reading`: the reading pane, which shows an entry as ``effects show`` renders it;
- `searching`: the search box and its hits, over the same engine as ``effects search``;
- `finder`: that search as plain logic (no Textual): the hits of what is typed, the
  line that says how it went, and the words to mark in an opened hit;
- `marks`: the matched words marked in a rendered entry;
- `help`: the screen that lists every key.

Nothing else in the program imports this package: Textual costs about 170 ms to
import, which only ``effects browse`` pays (ruff's TID253 bans ``textual`` at the top
of any other module, and a test checks that other commands never load it).
"""
