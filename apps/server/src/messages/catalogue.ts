// The types of the server's message catalogue, derived from the English one: a message code that
// does not exist, or a `{var}` its text names that a throw site leaves out, is a type error, and so
// is a Norwegian text whose `{vars}` differ from the English (messages.test.ts checks it at run time too).
import type { en } from './en.js';
import type { nb } from './nb.js';

export type MessageCode = keyof typeof en;

/** The names in a text's `{var}` placeholders: "{a} and {b}" → 'a' | 'b'. */
type VarsOf<S extends string> = S extends `${string}{${infer V}}${infer Rest}` ? V | VarsOf<Rest> : never;

type Vars<K extends MessageCode> = VarsOf<(typeof en)[K]>;
/**
 * A value put into a message: the same in every language (a call sign, a time), a message of its
 * own (a status's name), or written per language (a decimal number: 2,5 km in bokmål, 2.5 km in English).
 */
type ParamValue = string | number | Message | { nb: string; en: string };
type MessageParams<K extends MessageCode> = Record<Vars<K>, ParamValue>;
/** What a message takes after its code: nothing, or every one of its `{vars}`. */
export type MessageArgs<K extends MessageCode> = [Vars<K>] extends [never] ? [] : [params: MessageParams<K>];

/** A code + params that a catalogue renders in the reader's language. */
export interface Message {
  code: MessageCode;
  params?: Record<string, ParamValue>;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every code whose Norwegian text names other `{vars}` than its English; must be none. */
type VarsDiffer = { [K in MessageCode]: Same<VarsOf<(typeof nb)[K]>, Vars<K>> extends true ? never : K }[MessageCode];
export const sameVarsInBothLanguages: [VarsDiffer] extends [never] ? true : { differ: VarsDiffer } = true;
