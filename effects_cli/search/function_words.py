"""The words of how readers ask, which say nothing of what they ask about.

``how can social media help me feel less lonely`` is a question about
loneliness: *how*, *can*, *me* match every entry and would decide the ranking.
These words neither score nor count for proximity. The list is short and
written for questions and descriptions of a need; it is not a generic stop
list, which drops words that matter to a reader (*help*, *new*, *old*, *find*,
*home*, *people*). A query made only of these words is searched as
typed, and a quoted phrase keeps every word.
"""

# One line a kind of word reads (and is reviewed) better than a list of 200 strings.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every either neither such
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs
    themselves one ones someone somebody something anyone anybody anything
    everyone everybody everything nobody nothing
    other others another else
    what which who whom whose why how when where whether
    is are am was were be been being do does did doing done
    have has had having can could will would shall should may might must
    get gets getting got want wants wanted wanting need needs needed
    stop start keep go goes going went come use using used know tell ask
    try trying tried let lets please
    of to for from with without about into onto in on at by as than like via
    up down out off over under again around against among within along toward towards
    after before since until while during
    and or but if because so then too also just only even still yet very really
    quite rather much many more most less lot lots few bit
    not no nor there here now right well ok okay
    thing things stuff way ways kind sort
    feel feels felt feeling make makes made better best instead affect affects
    always never often sometimes
    """.split()  # noqa: SIM905 - see above
)
"""Question, function and filler words, folded as search folds words."""
