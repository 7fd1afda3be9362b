import { describe, expect, it } from 'vitest';
import { agendaDrift } from '../../src/signals/agenda-drift.js';
import { makeThread, on, runSignal, spanText } from '../helpers.js';

const TITLE = 'City Library Extends Weekend Opening Hours';
const BODY = [
  'The city library will open on Sundays from next month, the board announced on Monday, after a petition signed by 3,000 residents.',
  'Branches in Eastgate and Riverside will stay open until 8 pm on Saturdays, and the main branch will add a homework club for teenagers.',
  'The extra hours cost about 400,000 a year and are paid for by closing the little-used mobile library van.',
  'Staff unions said the schedule was agreed after two rounds of talks and that no librarian would work more than one weekend a month.',
  'The board will review visitor numbers in the spring and may extend the pilot to the two smaller branches.',
  'Residents who collected signatures outside the Eastgate branch said the building had been closed on Sundays since the budget cuts of 2011.',
  'Volunteers will run a reading hour for toddlers every Sunday morning, and the cafe on the ground floor will open at ten.',
  'Parking at the main branch remains free on weekends, and the city will add a second bicycle rack by the entrance in the autumn.',
].join('\n');

const DRIFT = [
  'Great news for families. Meanwhile cryptocurrency adoption keeps growing and nobody talks about it.',
  'Longer hours are welcome, but cryptocurrency adoption is the real story for young people today.',
  'Libraries should teach cryptocurrency adoption and blockchain literacy to teenagers.',
  'I love the Riverside branch, the staff there are wonderful.',
  'Sunday opening at last! My kids will use the homework club every week.',
];

describe('agenda-drift', () => {
  it('reports a term repeated in 3+ comments that the article never mentions, on each comment carrying it', () => {
    const thread = makeThread(DRIFT, { title: TITLE, body: BODY });
    const findings = runSignal(agendaDrift, thread);
    const terms = new Set(findings.map((f) => f.reason.args.term));
    expect(terms).toEqual(new Set(['cryptocurrency adoption']));
    expect(findings.map((f) => f.commentId)).toEqual(['1', '2', '3']);
    for (const f of findings) {
      expect(f.reason.code).toBe('AGENDA_TERM');
      expect(f.reason.args.comments).toBe(3);
      expect(spanText(thread, f)!.toLowerCase()).toBe('cryptocurrency adoption');
    }
    expect(on(findings, '2')[0]!.related).toEqual(['1', '3']);
  });

  it('lists at most 20 related comments per finding, with the full count in its args', () => {
    const pushed = Array.from({ length: 30 }, (_, i) => `Comment ${i}: cryptocurrency adoption matters more than opening hours.`);
    const thread = makeThread(pushed, { title: TITLE, body: BODY });
    const findings = runSignal(agendaDrift, thread).filter((f) => String(f.reason.args.term).startsWith('cryptocurrency adoption'));
    expect(findings).toHaveLength(30);
    for (const f of findings) {
      expect(f.reason.args.comments).toBe(30);
      expect(f.related).toHaveLength(20);
      expect(f.related).not.toContain(f.commentId);
    }
    expect(on(findings, '1')[0]!.related).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 2)));
    expect(on(findings, '30')[0]!.related).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('does not report terms the article mentions, however often they recur', () => {
    const thread = makeThread(
      ['The homework club is great.', 'A homework club for teenagers, finally.', 'Our homework club volunteers are ready.'],
      { title: TITLE, body: BODY },
    );
    expect(runSignal(agendaDrift, thread)).toEqual([]);
  });

  it('needs the minimum number of comments', () => {
    const thread = makeThread(DRIFT.slice(1), { title: TITLE, body: BODY });
    expect(runSignal(agendaDrift, thread)).toEqual([]);
    expect(runSignal(agendaDrift, thread, { minComments: 2 }).map((f) => f.commentId)).toEqual(['1', '2']);
  });

  it('ignores words inside stock phrases and everyday words', () => {
    const thread = makeThread(
      [
        'This could have far-reaching implications for people.',
        'Far-reaching implications indeed, people will notice.',
        'The far-reaching implications for people are obvious.',
      ],
      { title: TITLE, body: BODY },
    );
    expect(runSignal(agendaDrift, thread)).toEqual([]);
  });

  it('is silent without article text', () => {
    expect(runSignal(agendaDrift, makeThread(DRIFT, { title: TITLE }))).toEqual([]);
  });
});
