// The live connection's public surface: the first snapshot and the socket that keeps the store current.
export { connectRealtime, loadSnapshot, openConnectionEarly } from './connection.js';
