// The refusal when a unit whose crew fails § 11 would become available or be sent: names the rule
// and what is missing (the crew check's own words, kept on the unit), and how to go on anyway.
import { conflict } from '../../lib/http-error.js';

export const section11Refusal = (callSign: string, problem: string | null) =>
  conflict('unit.section11Refused', { callSign, problem: problem ?? { code: 'unit.crewNotChecked' } });
