/** Types of the offline audit verifier (scripts/verify-audit.mjs), for the tests that use it. */
export declare function verifyLines(text: string): {
  valid: boolean;
  events: number;
  head?: string;
  brokenAt?: number;
  reason?: string;
};
