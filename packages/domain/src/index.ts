// @amk/domain: the pure rules of the dispatch domain. No I/O, no framework, no imports from
// outside this folder — every function here can be called from the server, the console and tests.
export * from './vocabulary.js';
export * from './calendar.js';
export * from './geo.js';
export * from './national-id.js';
export * from './aml.js';
export * from './kommune-resolver.js';
export * from './answer-times.js';
export * from './unit-status.js';
export * from './crew.js';
export * from './eta.js';
export * from './response-time.js';
export * from './doctor-on-call.js';
export * from './retention.js';
export * from './akutthjelper.js';
export * from './akutthjelper-reach.js';
export * from './sms-reply.js';
export * from './csv.js';
export * from './csv-write.js';
export * from './triage.js';
export * from './phone.js';
export * from './hand-over.js';
export * from './major-incident.js';
export * from './call-clusters.js';
export * from './major-incident-units.js';
export * from './hospital-distribution.js';
export * from './callback.js';
