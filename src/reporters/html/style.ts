/**
 * The HTML report's style sheet, inlined in the page and allowed by its hash. No rule refers to anything
 * outside the page (no fonts, no images, no url()), which the Content-Security-Policy would block anyway.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #fff; --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --panel: #f6f7f9; --accent: #1a5fb4;
  --hi: #c01c28; --mid: #b35900; --lo: #2a7a3b; --hi-bg: #fdecec;
  --run: #ffd54a;
  --s0: #f4b8b8; --s1: #b8d8f4; --s2: #c8ecb8; --s3: #f4dcb0; --s4: #dcc8f4;
  --s5: #b8ece4; --s6: #f4c8e4; --s7: #e0e0a8; --s8: #c8d0dc; --s9: #f0ccb8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181a; --fg: #e8e8ea; --muted: #a0a4aa; --line: #3a3d42; --panel: #212327; --accent: #8cb4f0;
    --hi: #ff7b7b; --mid: #f0a050; --lo: #7fd08f; --hi-bg: #3a2024;
    --run: #8a6d00;
    --s0: #7a3a3a; --s1: #2f5475; --s2: #3d6630; --s3: #6e5628; --s4: #54407a;
    --s5: #2a6a60; --s6: #6e3a5c; --s7: #5e5e28; --s8: #44505e; --s9: #6e4a36;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 4rem; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
.meta, .status, .source, .note { color: var(--muted); }
.source { font-size: .85em; overflow-wrap: anywhere; }
.verdict { font-size: 1.15rem; font-weight: 600; padding: .6rem .9rem; border-left: 6px solid var(--lo); background: var(--panel); }
.verdict.LIKELY_COORDINATED { border-color: var(--hi); background: var(--hi-bg); }
.verdict.SOME_FLAGGED { border-color: var(--mid); }
.figures { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 1rem 0; }
.figures div { min-width: 7rem; }
.figures dt { color: var(--muted); font-size: .85rem; }
.figures dd { margin: 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.overview { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5rem; align-items: start; }
@media (max-width: 900px) { .overview, .layout { grid-template-columns: 1fr !important; } }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
.histogram svg { width: 100%; height: auto; display: block; }
.histogram .bar { fill: #9aa3ad; }
.histogram .bar.flagged { fill: var(--hi); }
.histogram .threshold { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 4 3; }
.histogram text { fill: var(--muted); font-size: 11px; }
.histogram .axis { stroke: var(--line); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.selected td { background: var(--panel); font-weight: 600; }
tr.off td, tr.none td { color: var(--muted); }
table.signals .n { width: 1%; white-space: nowrap; }
/* Width 0 with min-width 100%: the cell's width comes from the table, not from the description's length. */
table.signals .source { width: 0; min-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button { font: inherit; color: inherit; }
button.author, button.thread-pick, button.signal-pick { background: none; border: 0; padding: 0; color: var(--accent);
  cursor: pointer; text-align: left; overflow-wrap: break-word; word-break: break-word; unicode-bidi: isolate; }
button.author:hover, button.thread-pick:hover, button.signal-pick:hover { text-decoration: underline; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center;
  padding: .6rem .8rem; margin: 1.5rem 0 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
.toolbar label { display: inline-flex; gap: .4rem; align-items: center; }
.toolbar output { font-variant-numeric: tabular-nums; min-width: 2.5em; }
.chip { background: var(--bg); border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .3rem .1rem .6rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(280px, 400px); gap: 1.5rem; align-items: start; }
#authors { position: sticky; top: 4.5rem; max-height: calc(100vh - 5rem); overflow: auto; }
#authors table { font-size: .85rem; }
#authors th, #authors td { padding: .25rem .3rem; }
.comment { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: 0 0 .75rem; background: var(--bg); }
.comment.flagged { border-left: 5px solid var(--hi); }
.comment:focus, .cluster:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.comment header, .col header { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; font-size: .9rem; }
.score { font-weight: 700; font-variant-numeric: tabular-nums; }
.score.hi { color: var(--hi); } .score.mid { color: var(--mid); } .score.lo { color: var(--lo); }
.cid { font-weight: 600; overflow-wrap: anywhere; unicode-bidi: isolate; }
.thread, .state { color: var(--muted); unicode-bidi: isolate; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate; margin: .4rem 0; }
mark { color: inherit; border-radius: 2px; }
mark.ev { padding: 0 1px; box-shadow: inset 0 -2px 0 rgba(0, 0, 0, .25); }
mark.shared.run { background: var(--run); }
mark.shared.word { background: transparent; border-bottom: 2px solid var(--run); }
.s0 { background: var(--s0); } .s1 { background: var(--s1); } .s2 { background: var(--s2); } .s3 { background: var(--s3); }
.s4 { background: var(--s4); } .s5 { background: var(--s5); } .s6 { background: var(--s6); } .s7 { background: var(--s7); }
.s8 { background: var(--s8); } .s9 { background: var(--s9); }
.reasons { margin: .25rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
.reasons li { margin: .15rem 0; overflow-wrap: anywhere; }
.sig { border-radius: 3px; padding: 0 .35rem; font-size: .8rem; white-space: nowrap; }
.strength { color: var(--muted); font-variant-numeric: tabular-nums; }
.see { color: var(--muted); }
a { color: var(--accent); }
.missing { color: var(--muted); }
.cluster { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: 0 0 1rem; }
.cluster h3 { overflow-wrap: anywhere; }
.cluster .threads { margin: 0 0 .5rem; padding-left: 1.1rem; overflow-wrap: anywhere; }
.side { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(16rem, 1fr); gap: .75rem; overflow-x: auto; }
.col { border: 1px solid var(--line); border-radius: 4px; padding: .4rem .6rem; background: var(--panel); min-width: 0; }
.legend { font-size: .85rem; color: var(--muted); }
button.more { display: block; margin: .5rem 0 1rem; padding: .35rem .8rem; border: 1px solid var(--line); border-radius: 4px;
  background: var(--panel); cursor: pointer; }
.errors { color: var(--hi); }
`;
