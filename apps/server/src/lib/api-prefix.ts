/** Where every module's routes live; health checks and the console's pages are outside it. */
export const API_V1 = { prefix: '/api/v1' } as const;

/** Telephony, unit terminals, AML, SMS, hospitals: machines, each answer one record, hundreds a second. */
export const INTEGRATIONS_PREFIX = `${API_V1.prefix}/integrations/`;
