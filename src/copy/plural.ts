/** The plural forms a word takes; `other` is required, the rest as `Intl.PluralRules` names them. */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
