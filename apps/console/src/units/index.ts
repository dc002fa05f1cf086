// Units' public surface: the § 11 override form (also under a call's left-out units) and the wall's crew problems.
export { CrewIssues } from './CrewIssues.js';
export { OverrideForm } from './OverrideForm.js';
