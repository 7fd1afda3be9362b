/**
 * Function words (articles, pronouns, prepositions, conjunctions, auxiliaries) by language, and a few
 * words every comment section in the language is full of ("gracias", "canción"): the words a text of the
 * language cannot avoid, whatever it is about. src/text/language.ts counts them to tell English from other
 * Latin-script languages, where character trigrams (franc-min) are unreliable on short, informal English.
 * Data only; test/data.test.ts checks the lists.
 *
 * No word is in the English list and another: the other lists leave out every word that is also English,
 * slang, SMS spelling and abbreviations included ("a", "i", "in", "is", "no", "me", "so", "on", "to", "da",
 * "ya", "yo", "ho", "dat", "op", "sen", "eu", "ai"...): a word that could be English is no evidence against
 * English. Words shared by two other languages ("que", "de") count for both: they still say "not English".
 */

/** A language's function words, keyed by its ISO 639-3 code. */
export interface FunctionWords {
  /** ISO 639-3 code, as franc reports it. */
  code: string;
  /** English name, for reports and docs. */
  name: string;
  /** Lower-case words, apostrophes as "'". */
  words: readonly string[];
}

/**
 * English: frequent words that are not also frequent words of another Latin-script language
 * ("in", "is", "was", "die", "will", "also", "man", "do", "we", "her", "at" are left out: German, Dutch,
 * Portuguese, Polish, Turkish and Tagalog use them as often).
 */
export const ENGLISH_FUNCTION_WORDS: FunctionWords = {
  code: 'eng',
  name: 'English',
  words: [
    'the', 'and', 'of', 'you', 'that', 'it', 'for', 'with', 'this', 'are', 'have', 'not', 'but', 'they', 'be',
    'from', 'what', 'my', 'your', 'would', 'can', 'just', 'all', 'there', 'their', 'about', 'if', 'or',
    'get', 'like', 'she', 'his', 'our', 'one', 'out', 'up', 'had', 'which', 'been', 'were', 'when', 'who', 'how',
    'why', "i'm", "don't", "can't", "they're", "you're", "didn't", "doesn't", "isn't", "i've",
    "i'll", "won't", 'these', 'those', 'than', 'then', 'them', 'him', 'us', 'some', 'any', 'because', 'very',
    'really', 'know', 'think', 'people', 'only', 'more', 'much', 'yes', 'good', 'time', 'want', 'going', 'got',
    'make', 'did', 'does', 'should', 'could', 'into', 'over', 'after', 'even', 'its', 'here', 'where', 'now',
    'well', 'see', 'say', 'said', 'way', 'too', 'still', 'being', 'thing', 'has', 'im', 'dont', 'lol', 'gonna',
    'wanna',
  ],
};

/** Other Latin-script languages, commonest in comment sections first. */
export const OTHER_FUNCTION_WORDS: readonly FunctionWords[] = [
  {
    code: 'spa',
    name: 'Spanish',
    words: [
      'el', 'los', 'las', 'del', 'que', 'y', 'es', 'por', 'para', 'una', 'su', 'como', 'más', 'pero', 'le', 'este',
      'sí', 'porque', 'esta', 'muy', 'sobre', 'también', 'hasta', 'donde', 'quien', 'desde', 'todo', 'nos',
      'durante', 'todos', 'uno', 'les', 'ni', 'contra', 'otros', 'ese', 'eso', 'ellos', 'esto', 'mí', 'antes',
      'algunos', 'qué', 'unos', 'otro', 'otras', 'otra', 'él', 'tanto', 'esa', 'estos', 'mucho', 'quienes',
      'muchos', 'cual', 'poco', 'estar', 'estas', 'algunas', 'nosotros', 'mi', 'mis', 'tú', 'te', 'ti', 'tu',
      'tus', 'ellas', 'vosotros', 'esos', 'esas', 'estoy', 'está', 'están', 'eres', 'somos', 'fue', 'ser', 'tiene',
      'tengo', 'hace', 'puede', 'canción', 'gracias', 'buena', 'bueno', 'aquí', 'ahora', 'cuando',
      'de', 'la', 'en',
    ],
  },
  {
    code: 'por',
    name: 'Portuguese',
    words: [
      'os', 'não', 'uma', 'para', 'mais', 'dos', 'como', 'mas', 'foi', 'ao', 'ele', 'das', 'tem', 'à', 'seu',
      'sua', 'ou', 'ser', 'quando', 'muito', 'há', 'nos', 'já', 'está', 'também', 'só', 'pelo', 'pela', 'até',
      'isso', 'ela', 'entre', 'depois', 'sem', 'mesmo', 'aos', 'ter', 'seus', 'quem', 'esse', 'eles', 'estão',
      'você', 'tinha', 'foram', 'essa', 'nem', 'suas', 'meu', 'às', 'minha', 'têm', 'numa', 'pelos', 'elas',
      'havia', 'seja', 'qual', 'será', 'nós', 'tenho', 'lhe', 'deles', 'essas', 'esses', 'pelas', 'este', 'fosse',
      'dele', 'tu', 'te', 'vocês', 'vos', 'lhes', 'meus', 'minhas', 'teu', 'tua', 'nosso', 'nossa', 'nossos',
      'nossas', 'isto', 'aquilo', 'estou', 'são', 'obrigado', 'aqui', 'agora', 'então', 'porque', 'né', 'vai',
      'de',
    ],
  },
  {
    code: 'fra',
    name: 'French',
    words: [
      'le', 'les', 'des', 'et', 'est', 'du', 'une', 'il', 'qui', 'ne', 'pas', 'au', 'dans', 'ce', 'sur', 'se',
      'mais', 'avec', 'nous', 'vous', 'ils', 'elle', 'sont', 'ou', 'leur', 'aux', 'cette', 'ces', 'comme', 'être',
      'été', 'fait', 'ont', 'mes', 'tes', 'ses', 'notre', 'votre', 'très', 'bien', 'je', 'tu', 'moi', 'toi', 'lui',
      'eux', "c'est", "j'ai", "n'est", "qu'il", 'aussi', 'où', 'ça', 'cela', 'donc', 'alors', 'quand', 'même',
      'ici', 'merci', 'suis', 'es', 'sommes', 'êtes', 'était', 'avoir', 'avez', 'avons', 'peut', 'rien', 'déjà',
      'chez', 'que', 'quoi', 'oui',
      'de', 'la', 'en',
    ],
  },
  {
    code: 'deu',
    name: 'German',
    words: [
      'der', 'und', 'von', 'zu', 'das', 'mit', 'sich', 'des', 'auf', 'für', 'ist', 'nicht', 'ein', 'eine', 'als',
      'auch', 'es', 'dass', 'sie', 'nach', 'wird', 'bei', 'einer', 'noch', 'wie', 'einem', 'über', 'einen', 'oder',
      'aber', 'aus', 'vor', 'zur', 'bis', 'mehr', 'durch', 'kann', 'sind', 'wenn', 'nur', 'ich', 'du', 'wir',
      'ihr', 'mich', 'mir', 'dich', 'dir', 'uns', 'euch', 'ihn', 'ihm', 'mein', 'dein', 'sein', 'unser', 'euer',
      'ihre', 'meine', 'deine', 'seine', 'habe', 'hast', 'haben', 'hatte', 'bist', 'wurde', 'werden', 'schon',
      'doch', 'jetzt', 'hier', 'sehr', 'nein', 'ja', 'danke', 'keine', 'kein', 'zum', 'gibt', 'mal', 'immer',
      'dieses', 'diese', 'dieser', 'warum', 'weil',
    ],
  },
  {
    code: 'ita',
    name: 'Italian',
    words: [
      'il', 'di', 'che', 'della', 'del', 'sono', 'gli', 'le', 'una', 'dei', 'nel', 'alla', 'si', 'mi', 'ti', 'ci',
      'anche', 'questo', 'questa', 'più', 'hai', 'abbiamo', 'hanno', 'sei', 'siamo', 'è', 'essere', 'fatto', 'sua',
      'suo', 'mio', 'tuo', 'tua', 'nostro', 'loro', 'tu', 'lui', 'noi', 'voi', 'ancora', 'sempre', 'molto',
      'tutto', 'tutti', 'perché', 'quando', 'cosa', 'già', 'qui', 'grazie', 'delle', 'degli', 'allo', 'agli',
      'alle', 'dal', 'dalla', 'nella', 'nelle', 'sul', 'sulla', 'quello', 'quella', 'ogni', 'bello',
      'la',
    ],
  },
  {
    code: 'nld',
    name: 'Dutch',
    words: [
      'de', 'het', 'een', 'en', 'te', 'zijn', 'voor', 'niet', 'aan', 'maar', 'om', 'ook', 'als', 'bij', 'nog',
      'wel', 'naar', 'wordt', 'uit', 'hij', 'zij', 'ze', 'ik', 'je', 'jij', 'wij', 'jullie', 'mij', 'mijn', 'jouw',
      'haar', 'ons', 'onze', 'heb', 'hebben', 'heeft', 'waren', 'werd', 'geen', 'meer', 'wie', 'waar', 'omdat',
      'dit', 'deze', 'zo', 'nu', 'hier', 'daar', 'alleen', 'toch', 'veel', 'gaat', 'kan', 'moet', 'zou', 'worden',
      'tegen', 'iets', 'niets', 'altijd', 'nooit', 'echt', 'ja', 'nee', 'bedankt', 'gewoon', 'zoals', 'weet',
    ],
  },
  {
    code: 'ind',
    name: 'Indonesian/Malay',
    words: [
      'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'saya', 'ke', 'dari', 'akan', 'juga', 'aku', 'kamu', 'anda',
      'kami', 'kita', 'mereka', 'dia', 'tak', 'sudah', 'belum', 'bisa', 'boleh', 'dalam', 'pada', 'karena',
      'kerana', 'atau', 'tapi', 'tetapi', 'lebih', 'sangat', 'sekali', 'jika', 'kalau', 'siapa', 'bagaimana',
      'lagi', 'saja', 'hanya', 'semua', 'banyak', 'oleh', 'sebagai', 'telah', 'masih', 'harus', 'terima', 'kasih',
      'nya', 'gak', 'nggak', 'udah', 'lagu', 'bagus',
      'setiap', 'tanpa', 'serta', 'bagi', 'secara', 'tersebut', 'bahwa', 'adalah', 'orang',
    ],
  },
  {
    code: 'tur',
    name: 'Turkish',
    words: [
      've', 'bir', 'bu', 'için', 'ile', 'çok', 'ne', 'gibi', 'daha', 'siz', 'onlar', 'var', 'yok', 'olarak',
      'kadar', 'sonra', 'ise', 'değil', 'mi', 'mı', 'mu', 'mü', 'şey', 'en', 'ki', 'diye', 'bana', 'sana', 'bunu',
      'şu', 'de', 'olan', 'oldu', 'olur', 'benim', 'senin', 'neden', 'nasıl', 'evet', 'hayır', 'teşekkürler',
      'güzel', 'şarkı',
    ],
  },
  {
    code: 'pol',
    name: 'Polish',
    words: [
      'nie', 'się', 'że', 'jest', 'jak', 'tak', 'za', 'mnie', 'jestem', 'jestes', 'jesteś', 'czy', 'tylko', 'już',
      'są', 'był', 'była', 'było', 'bardzo', 'dla', 'przez', 'tego', 'tym', 'jego', 'jej', 'ich', 'mój', 'moja',
      'twój', 'ja', 'wy', 'oni', 'też', 'jeszcze', 'gdzie', 'kiedy', 'dlaczego', 'bo', 'może', 'można', 'trzeba',
      'jeśli', 'albo', 'lub', 'dzięki', 'dziękuję', 'fajne', 'piosenka',
      'oraz', 'każdy', 'który', 'która', 'które', 'jako', 'przed',
    ],
  },
  {
    code: 'swe',
    name: 'Swedish',
    words: [
      'och', 'att', 'det', 'som', 'på', 'är', 'av', 'för', 'jag', 'inte', 'har', 'om', 'vi', 'ett', 'var', 'sig',
      'så', 'han', 'de', 'du', 'mig', 'oss', 'vår', 'kan', 'ska', 'skulle', 'också', 'eller', 'när', 'nu', 'här',
      'där', 'bara', 'mycket', 'alla', 'vad', 'vem', 'hur', 'varför', 'ja', 'nej',
    ],
  },
  {
    code: 'ron',
    name: 'Romanian',
    words: [
      'și', 'în', 'nu', 'ce', 'este', 'să', 'mai', 'pentru', 'sunt', 'fost', 'lui', 'au', 'dar', 'sau', 'foarte',
      'doar', 'acest', 'această', 'acum', 'aici', 'tu', 'el', 'ea', 'noi', 'voi', 'ei', 'mulțumesc', 'frumos',
      'bine', 'unde', 'când', 'cel', 'cea',
    ],
  },
  {
    code: 'tgl',
    name: 'Tagalog',
    words: [
      'ang', 'ng', 'mga', 'ako', 'ka', 'naman', 'siya', 'ito', 'yung', 'kayo', 'tayo', 'kami', 'sila', 'niya',
      'nila', 'natin', 'namin', 'ninyo', 'rin', 'pero', 'kasi', 'talaga', 'salamat', 'ganda', 'dito', 'iyan',
      'iyon', 'nga',
    ],
  },
  {
    code: 'vie',
    name: 'Vietnamese',
    words: [
      'và', 'của', 'là', 'có', 'không', 'những', 'được', 'cho', 'một', 'người', 'này', 'với', 'các', 'tôi', 'bạn',
      'anh', 'chị', 'đã', 'sẽ', 'đang', 'rất', 'cũng', 'thì', 'mà', 'nhưng', 'khi', 'để', 'từ', 'trong', 'vào',
      'lên', 'quá', 'nhé', 'ạ', 'cảm', 'ơn', 'bài', 'hát',
    ],
  },
];
