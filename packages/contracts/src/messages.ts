// Validation messages a person can act on, for the server's 400 answers and the console's forms.
// This module is imported for its effect alone: package.json lists it (and index.ts, which imports
// it) under sideEffects, or the console's bundler, which drops the contracts a page does not use,
// would drop it too.
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    return undefined; // zod's own message
  },
});
