/**
 * Writing systems as src/text/language.ts tells them apart: the scripts, the Unicode blocks of their
 * letters, and which scripts name their language on their own.
 */

/** Scripts told apart, by index. Latin first. */
export const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati',
  'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian',
  'Hangul', 'Ethiopic', 'Khmer', 'Kana', 'Han', 'Other',
] as const;
export const LATIN = 0;
export const CYRILLIC = 1;
export const GREEK = 2;
export const KANA = SCRIPTS.indexOf('Kana');
export const HAN = SCRIPTS.indexOf('Han');
export const OTHER = SCRIPTS.indexOf('Other');

/** Scripts of a single language: the script names it. */
export const SCRIPT_LANGUAGE: Readonly<Record<string, string>> = {
  Greek: 'ell', Armenian: 'hye', Hebrew: 'heb', Bengali: 'ben', Gurmukhi: 'pan', Gujarati: 'guj', Oriya: 'ori',
  Tamil: 'tam', Telugu: 'tel', Kannada: 'kan', Malayalam: 'mal', Sinhala: 'sin', Thai: 'tha', Lao: 'lao',
  Tibetan: 'bod', Myanmar: 'mya', Georgian: 'kat', Hangul: 'kor', Ethiopic: 'amh', Khmer: 'khm', Kana: 'jpn',
};

/**
 * Cyrillic letters of Russian that Ukrainian, Bulgarian, Serbian and Macedonian do not use, and letters of
 * the other Cyrillic alphabets (Belarusian, Ukrainian, Serbian, Macedonian, Kazakh, Komi...) that Russian
 * does not: franc-min's trigrams often take a short Russian comment for Bulgarian.
 */
export const RUSSIAN_ONLY = /[ыэЫЭ]/u;
export const NOT_RUSSIAN = /[іїєґўјљњћџѓќәғқңөұүһӧІЇЄҐЎЈЉЊЋЏЃЌӘҒҚҢӨҰҮҺӦ]/u;

/** Scripts shared by several languages franc-min knows: franc names which. */
export const FRANC_SCRIPTS = new Set(['Cyrillic', 'Arabic', 'Devanagari']);

/** [first, last, script] code-point ranges of letters outside ASCII, sorted. */
export const RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0x00c0, 0x024f, LATIN],
  [0x0250, 0x02af, LATIN],
  [0x0370, 0x03ff, GREEK],
  [0x0400, 0x052f, CYRILLIC],
  [0x0531, 0x058f, SCRIPTS.indexOf('Armenian')],
  [0x0591, 0x05ff, SCRIPTS.indexOf('Hebrew')],
  [0x0620, 0x06ff, SCRIPTS.indexOf('Arabic')],
  [0x0750, 0x077f, SCRIPTS.indexOf('Arabic')],
  [0x08a0, 0x08ff, SCRIPTS.indexOf('Arabic')],
  [0x0900, 0x097f, SCRIPTS.indexOf('Devanagari')],
  [0x0980, 0x09ff, SCRIPTS.indexOf('Bengali')],
  [0x0a00, 0x0a7f, SCRIPTS.indexOf('Gurmukhi')],
  [0x0a80, 0x0aff, SCRIPTS.indexOf('Gujarati')],
  [0x0b00, 0x0b7f, SCRIPTS.indexOf('Oriya')],
  [0x0b80, 0x0bff, SCRIPTS.indexOf('Tamil')],
  [0x0c00, 0x0c7f, SCRIPTS.indexOf('Telugu')],
  [0x0c80, 0x0cff, SCRIPTS.indexOf('Kannada')],
  [0x0d00, 0x0d7f, SCRIPTS.indexOf('Malayalam')],
  [0x0d80, 0x0dff, SCRIPTS.indexOf('Sinhala')],
  [0x0e00, 0x0e7f, SCRIPTS.indexOf('Thai')],
  [0x0e80, 0x0eff, SCRIPTS.indexOf('Lao')],
  [0x0f00, 0x0fff, SCRIPTS.indexOf('Tibetan')],
  [0x1000, 0x109f, SCRIPTS.indexOf('Myanmar')],
  [0x10a0, 0x10ff, SCRIPTS.indexOf('Georgian')],
  [0x1100, 0x11ff, SCRIPTS.indexOf('Hangul')],
  [0x1200, 0x139f, SCRIPTS.indexOf('Ethiopic')],
  [0x1780, 0x17ff, SCRIPTS.indexOf('Khmer')],
  [0x1c80, 0x1c8f, CYRILLIC],
  [0x1e00, 0x1eff, LATIN],
  [0x1f00, 0x1fff, GREEK],
  [0x2de0, 0x2dff, CYRILLIC],
  [0x3041, 0x30ff, KANA],
  [0x3131, 0x318f, SCRIPTS.indexOf('Hangul')],
  [0x3400, 0x4dbf, HAN],
  [0x4e00, 0x9fff, HAN],
  [0xa640, 0xa69f, CYRILLIC],
  [0xac00, 0xd7af, SCRIPTS.indexOf('Hangul')],
  [0xf900, 0xfaff, HAN],
  [0xfb1d, 0xfb4f, SCRIPTS.indexOf('Hebrew')],
  [0xfb50, 0xfdff, SCRIPTS.indexOf('Arabic')],
  [0xfe70, 0xfefc, SCRIPTS.indexOf('Arabic')],
  [0xff21, 0xff3a, LATIN],
  [0xff41, 0xff5a, LATIN],
  [0xff66, 0xff9d, KANA],
];
