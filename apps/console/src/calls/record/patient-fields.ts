// The patient form's rules without React: the form's values from a record, the fødselsnummer check
// as the operator types (the domain rule the server applies too), and the PATCH body of the edits.
import { UpdateCallRequest, type CallRecord } from '@amk/contracts';
import { validateNationalId, type NationalIdErrorCode } from '@amk/domain';

const TEXT_FIELDS = ['callerName', 'patientName', 'nationalId', 'addressText', 'language'] as const;

/** What the form holds: text as typed (age too), the sex as its code or '' for none. */
export type PatientValues = {
  callerName: string;
  patientName: string;
  nationalId: string;
  addressText: string;
  language: string;
  birthDate: string;
  ageYears: string;
  sex: '' | 'FEMALE' | 'MALE' | 'UNKNOWN';
  interpreterUsed: boolean;
};

export const patientValues = (r: CallRecord): PatientValues => ({
  callerName: r.callerName ?? '',
  patientName: r.patientName ?? '',
  nationalId: r.nationalId ?? '',
  addressText: r.addressText ?? '',
  language: r.language ?? '',
  birthDate: r.birthDate ?? '',
  ageYears: r.ageYears == null ? '' : String(r.ageYears),
  sex: r.sex ?? '',
  interpreterUsed: r.interpreterUsed,
});

export interface NationalIdProblem {
  code: NationalIdErrorCode;
  /** How many characters (spaces ignored) were typed: the length message names it. */
  length: number;
}

/** Why the typed number is not a valid fødselsnummer, D- or H-nummer; null when valid or empty. */
export function nationalIdProblem(input: string): NationalIdProblem | null {
  const s = input.replace(/\s+/g, '');
  if (!s) return null;
  const check = validateNationalId(s);
  return check.valid ? null : { code: check.code ?? 'WRONG_CHECK_DIGIT', length: s.length };
}

export type PatientField = keyof PatientValues;

/** What is wrong with a field: the fødselsnummer's error code, else 'INVALID'. */
export type FieldError = NationalIdErrorCode | 'INVALID';

/**
 * The PATCH body for the operator's edits, or the fields that are wrong. Empty text clears a
 * field (null); the age is a whole number of years; the fødselsnummer must pass the domain check.
 */
export function patientChanges(edits: Partial<PatientValues>): {
  body: UpdateCallRequest | null;
  errors: Partial<Record<PatientField, FieldError>>;
} {
  const body: Record<string, unknown> = {};
  const errors: Partial<Record<PatientField, FieldError>> = {};
  for (const k of TEXT_FIELDS) if (edits[k] !== undefined) body[k] = edits[k].trim() || null;
  if (typeof body.nationalId === 'string') {
    body.nationalId = body.nationalId.replace(/\s+/g, '');
    const problem = nationalIdProblem(body.nationalId as string);
    if (problem) errors.nationalId = problem.code;
  }
  if (edits.birthDate !== undefined) body.birthDate = edits.birthDate.trim() || null;
  if (edits.ageYears !== undefined) {
    const age = edits.ageYears.trim();
    body.ageYears = age === '' ? null : /^\d+$/.test(age) ? Number(age) : Number.NaN;
  }
  if (edits.sex !== undefined) body.sex = edits.sex || null;
  if (edits.interpreterUsed !== undefined) body.interpreterUsed = edits.interpreterUsed;
  if (Object.keys(body).length === 0) return { body: null, errors };
  const parsed = UpdateCallRequest.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as PatientField;
      if (field && !errors[field]) errors[field] = 'INVALID';
    }
  }
  return Object.keys(errors).length ? { body: null, errors } : { body: parsed.data ?? null, errors };
}
