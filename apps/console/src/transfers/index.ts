// Transfers' public surface: the hand-over rows the call list shows among its calls.
export { HandOverRows } from './HandOverRows.js';
