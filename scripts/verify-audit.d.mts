/** Types of the offline audit verifier (scripts/verify-audit.mjs), for the tests that use it. */
export declare function verifyLines(text: string): {
  valid: boolean;
  events: number;
  head?: string;
  brokenAt?: number;
  reason?: string;
};

export interface SignedAnchorLike {
  agreement: string;
  space: string;
  seq: number;
  hash: string;
  at: string;
  alg: string;
  keyId: string;
  signature: string;
}

/** The offline verdict with anchors (and their public key) and the stored agreement, each optional. */
export declare function verifyTrail(input: {
  text: string;
  anchors?: SignedAnchorLike[];
  publicKey?: string;
  agreement?: Record<string, unknown>;
}): {
  valid: boolean;
  events: number;
  head?: string;
  brokenAt?: number;
  reason?: string;
  anchored?: { seq: number; at: string; after: number } | null;
  state?: 'matches' | 'unrecorded' | null;
};

export declare function agreementState(agreement: Record<string, unknown>): {
  status: string;
  version: number;
  digest: string;
};

export declare function readAnchors(path: string): SignedAnchorLike[];
