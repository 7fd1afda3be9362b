/** A small labelled corpus for model tests: promotional spam against ordinary comments. */
import type { Thread } from '../../src/types.js';
import { makeThread } from '../helpers.js';

const SPAM = [
  'check out my channel for new covers',
  'subscribe to my channel please',
  'free gift cards here, check out my page',
  'please subscribe, I upload every day',
  'check out my new music video',
  'visit my channel for daily vlogs',
  'sub to my channel and I will sub back',
  'check out my remix and subscribe',
];
const HAM = [
  'the chorus sounds like the 1998 original',
  'my kids danced to this the whole evening',
  'the bridge at two minutes is the best part',
  'saw them live in Toronto last spring',
  'the drummer from the first album is back',
  'this reminds me of the summer I moved house',
  'the violin part makes the whole song',
  'nobody sings the high note like she does',
];

/** Two threads, alternating spam and ham, every comment labelled. */
export function labelledThreads(): Thread[] {
  return [0, 1].map((t) =>
    makeThread(
      SPAM.slice(t * 4, t * 4 + 4).flatMap((spam, i) => [
        { text: spam, label: true, id: `s${t}${i}` },
        { text: HAM[t * 4 + i]!, label: false, id: `h${t}${i}` },
      ]),
      { id: `train-${t}` },
    ),
  );
}
