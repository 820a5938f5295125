import type { Recognizer } from '../types';
import { recognizeAddress, recognizePostcode } from './address';
import { recognizeDateOfBirth } from './dateOfBirth';
import { recognizeEmail } from './email';
import { recognizeIban } from './iban';
import { recognizeIdNumbers } from './idNumbers';
import { recognizeLicencePlate } from './licencePlate';
import { recognizeName } from './name';
import { recognizePhone } from './phone';
import { recognizeHandle, recognizeUrl } from './url';
import { recognizeWorkplace } from './workplace';

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
  recognizeName,
  recognizeWorkplace,
];
