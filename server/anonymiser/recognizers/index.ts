import type { Recognizer } from '../types';
import { recognizeEmail } from './email';
import { recognizeIban } from './iban';
import { recognizePhone } from './phone';
import { recognizeHandle, recognizeUrl } from './url';

/** Every recognizer the anonymiser runs; order does not matter, the merger decides overlaps. */
export const RECOGNIZERS: readonly Recognizer[] = [
  recognizeEmail,
  recognizeIban,
  recognizePhone,
  recognizeUrl,
  recognizeHandle,
];
