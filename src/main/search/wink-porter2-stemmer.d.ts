// Types for wink-porter2-stemmer (the package ships none): the Porter2 ("English Snowball") stemmer.
declare module 'wink-porter2-stemmer' {
  export default function stem(word: string): string
}
