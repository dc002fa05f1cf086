// Callbacks' public surface: the rows the call list shows among its calls.
export { CallbackRows } from './CallbackRows.js';
