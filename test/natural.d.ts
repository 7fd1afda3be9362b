// Type declarations for the natural submodules we import. natural's root must never be imported
// (it prints dotenv banners to stdout and reads .env), and its submodules ship no types of their own.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
