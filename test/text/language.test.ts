import { describe, expect, it } from 'vitest';
import { detectLanguage, judges, type Language } from '../../src/text/language.js';

const code = (text: string) => detectLanguage(text).code;

describe('detectLanguage: English is never called foreign, however short or informal', () => {
  const english = [
    'lol ur so right',
    "I'm not a bot",
    'am I a bot?',
    'Ok lor wat time ü finish?',
    'Do u noe wat time e place dat sells 4d closes?',
    'Dont put your phone on silent mode ok',
    'Gotta be a classy chode guy',
    'Trump tells confidants he plans to pardon Michael Flynn https://t.co/dr34Xqybbz',
    'Los Angeles te amo is the name of the song, and the video is great',
    'Di Di Dixon, SALE!',
    'hillbilly bone-bo-bone-bo-bone bone',
    'SUBSCRIBE TO MY CHANNEL NOW!!! I SUB BACK',
    'The word спасибо means thanks, and my grandmother said it to everyone she met.',
    'Tremendous surge in new housing construction in December, 16.9%, biggest in many years!',
    // Names and shouting are not running text; "ü" for "you" is a habit; broken encoding is not a language.
    'I be jamming Skid Row, Kix, Cinderella, Damn Yankees, Bon Jovi, Def Leppard, Whitesnake, Mötley Crüe, Ratt, Warrant, Poison, Quiet Riot',
    'CHEERS U TEX MECAUSE U WEREBORED! YEAH OKDEN HUNNY R UIN WK SAT?SOUNDS LIKEYOUR HAVIN GR8FUN J! KEEP UPDAT COUNTINLOTS OF LOVEME',
    'Aiyo cos i sms ü then ü neva reply so i wait 4 ü to reply lar. I tot ü havent finish ur lab wat.',
    'bruh iÃ¯Â¿Â½m CRYING so hard rn omg',
    // Handles are names: "@la_di_da" is not Italian.
    '@la_di_daDEE try me',
  ];
  it.each(english)('%s', (text) => {
    expect(['eng', 'und']).toContain(code(text));
    expect(detectLanguage(text).script).toBe('Latin');
  });

  it('an English word spelt with Cyrillic look-alike letters is Latin, not Russian', () => {
    // "Сheck" and "сhannel" begin with Cyrillic С/с: a filter-dodging spelling of English words.
    expect(detectLanguage('Сheck out my сhannel, it is the best on the site').code).toBe('eng');
  });

  it('text without letters has no language', () => {
    for (const text of ['🔥🔥🔥', '❤️ ❤️ ❤️', '2015 <3', '']) expect(detectLanguage(text)).toEqual({ code: 'und', script: 'none', basis: 'insufficient' });
  });

  it('links and their words do not count: a bare link is not Portuguese or French', () => {
    expect(detectLanguage('https://www.surveymonkey.com/s/CVHMKLT').script).toBe('none');
    expect(code('http://minhateca.com.br/mauro-sp2013/Filmes+Series+Desenhos+Animes+Mp3+etc')).not.toBe('por');
  });
});

describe('detectLanguage: other languages', () => {
  const foreign: Array<[string, string, Language['basis']]> = [
    // From the remark42 Disqus export (test/fixtures/export-formats/disqus/remark42-testdata-disqus.xml).
    ['Google App Engine скоро выходит из превью статуса. Сейчас письмо пришло от гугла.', 'rus', 'script'],
    ['Microsoft показал проводник Windows 8 с ленточным интерфейсом.', 'rus', 'script'],
    ['Це дуже гарна пісня, дякую за відео і за вашу працю', 'ukr', 'franc'],
    ['los invito a subscribirse a mi canal', 'spa', 'function-words'],
    ['Me encanta esta canción, es muy bonita y la escucho todos los días', 'spa', 'function-words'],
    ['como os espelhos podem ser reais se nossos olhos não são reais', 'por', 'function-words'],
    ["C'est une très belle chanson, je l'écoute tous les jours avec mes enfants", 'fra', 'function-words'],
    ['Das ist ein wirklich schönes Lied und ich höre es jeden Tag', 'deu', 'function-words'],
    ['Laat hem met rust, jullie weten niet hoe het is om zo te leven', 'nld', 'function-words'],
    ['Questa canzone è bellissima, la ascolto sempre con mia sorella', 'ita', 'function-words'],
    ['Lagu ini sangat bagus, saya suka sekali dengan videonya', 'ind', 'function-words'],
    ['这首歌真好听，我每天都听', 'cmn', 'script'],
    ['この曲は本当に素晴らしいです', 'jpn', 'script'],
    ['이 노래 정말 좋아요', 'kor', 'script'],
    ['Αυτό το τραγούδι είναι υπέροχο', 'ell', 'script'],
    ['هذه الأغنية جميلة جدا وأنا أحبها كثيرا', 'arb', 'franc'],
    // Letters English does not use, without English function words: franc-min names the language.
    ['Mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm', 'vie', 'letters'],
    ['Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti', 'ces', 'letters'],
    ['Minden emberi lény szabadnak születik és egyenlő méltósága van', 'hun', 'letters'],
  ];
  it.each(foreign)('%s -> %s', (text, expected, basis) => {
    const language = detectLanguage(text);
    expect(language.code).toBe(expected);
    expect(language.basis).toBe(basis);
  });

  it('a short text in another script is not English even when too short to name', () => {
    expect(detectLanguage('ок')).toEqual({ code: 'und', script: 'Cyrillic', basis: 'script' });
  });

  it('a long Latin-script text with no known function words is named by franc-min when it is clear', () => {
    const swahili = 'Kila mtu ana haki ya kuishi, uhuru na usalama wa nafsi yake. Hakuna mtu atakayefanywa mtumwa au kutumikishwa kwa nguvu; utumwa na biashara ya watumwa ya kila aina itakatazwa.';
    expect(detectLanguage(swahili)).toEqual({ code: 'swh', script: 'Latin', basis: 'franc' });
  });
});

describe('judges', () => {
  const eng: Language = { code: 'eng', script: 'Latin', basis: 'function-words' };
  const rus: Language = { code: 'rus', script: 'Cyrillic', basis: 'script' };
  const shortLatin: Language = { code: 'und', script: 'Latin', basis: 'insufficient' };
  const noLetters: Language = { code: 'und', script: 'none', basis: 'insufficient' };
  const shortCyrillic: Language = { code: 'und', script: 'Cyrillic', basis: 'script' };

  it('a signal without a declaration judges every comment', () => {
    for (const l of [eng, rus, shortLatin, noLetters, shortCyrillic]) expect(judges(undefined, l)).toBe(true);
  });

  it('an English-only signal judges English and undetermined Latin or letterless text, nothing else', () => {
    expect([eng, rus, shortLatin, noLetters, shortCyrillic].map((l) => judges(['eng'], l))).toEqual([true, false, true, true, false]);
  });

  it('a signal declaring Russian judges Russian only', () => {
    expect([eng, rus, shortLatin, shortCyrillic].map((l) => judges(['rus'], l))).toEqual([false, true, false, false]);
  });
});
