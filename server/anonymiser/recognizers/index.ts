import type { Recognizer } from '../types';
import { recognizeAddress, recognizePostcode } from './address';
import { recognizeDateOfBirth } from './dateOfBirth';
import { recognizeEmail } from './email';
import { recognizeIban } from './iban';
import { recognizeIdNumbers } from './idNumbers';
import { recognizeLicencePlate } from './licencePlate';
import { recognizePhone } from './phone';
import { recognizeTagged } from './tagged';
import { recognizeHandle, recognizeUrl } from './url';

/** Every recognizer the anonymiser runs; order does not matter, the merger decides overlaps. */
export const RECOGNIZERS: readonly Recognizer[] = [
  recognizeEmail,
  recognizeIban,
  recognizePhone,
  recognizeUrl,
  recognizeHandle,
  recognizeLicencePlate,
  recognizeAddress,
  recognizePostcode,
  recognizeDateOfBirth,
  recognizeIdNumbers,
  // Names and organisations: the token classifier, which reads the rule-based name and workplace
  // recognizers' findings as features.
  recognizeTagged,
];
