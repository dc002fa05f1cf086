// Operator competence (akuttmedisinforskriften § 8, § 13 f, § 15 l): what an admin records per user,
// and whether the user meets the paragraph of their centre.
import { EDUCATIONS } from '@amk/domain';
import { z } from 'zod';
import { IsoDate, Role, Uuid } from './common.js';

export const Education = z.enum(EDUCATIONS);
export type Education = z.infer<typeof Education>;

export const CompetenceStatus = z.object({
  /** false for roles that do not take calls (they are not held to the paragraphs). */
  checked: z.boolean(),
  ok: z.boolean(),
  /** Norwegian, each naming its paragraph and what is missing. */
  problems: z.array(z.string()),
});
export type CompetenceStatus = z.infer<typeof CompetenceStatus>;

export const CompetenceFields = z.object({
  education: Education,
  operatorTrainingOn: IsoDate.nullable().describe('tilleggsopplæring for arbeid som operatør completed'),
  clinicalPracticeConfirmed: z.boolean().describe('§ 13 f nødvendig klinisk praksis, attested by the employer'),
  emergencyCourseOn: IsoDate.nullable().describe('§ 8 kurs i akuttmedisin completed'),
  violenceCourseOn: IsoDate.nullable().describe('§ 8 kurs i volds- og overgrepshåndtering completed'),
  hprNumber: z
    .string()
    .regex(/^\d{1,9}$/, 'HPR-nummeret må være 1–9 sifre')
    .nullable()
    .describe('Helsepersonellregisteret number, digits'),
});
export type CompetenceFields = z.infer<typeof CompetenceFields>;

export const UserCompetence = CompetenceFields.extend({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  competence: CompetenceStatus,
  /** How the user signs in: 'password' (a local account) or the id of their identity provider. */
  signsInWith: z.string(),
  /** A local account's open break-glass period (single sign-on in production), or null. */
  breakGlassUntil: z.string().nullable(),
});
export type UserCompetence = z.infer<typeof UserCompetence>;

export const UserCompetenceList = z.object({ users: z.array(UserCompetence) });
export type UserCompetenceList = z.infer<typeof UserCompetenceList>;

export const UpdateCompetenceRequest = CompetenceFields.strict();
export type UpdateCompetenceRequest = z.infer<typeof UpdateCompetenceRequest>;
