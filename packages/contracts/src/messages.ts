// Validation messages a person can act on, for the server's 400 answers and the console's forms.
import { z } from 'zod';

z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    return undefined; // zod's own message
  },
});
