// Which roles may do what, in one place (the authorisation matrix test reads these too).
import type { Role } from '@amk/contracts';

/** People who answer calls and register them. */
export const OPERATOR_ROLES: readonly Role[] = ['amk_operator', 'amk_doctor', 'lv_operator'];
/** Everyone who works at a centre's console or wall display (not responders in the field). */
export const CONSOLE_ROLES: readonly Role[] = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin'];
