/**
 * Time limits shared by the API's storage code and its deployment (infra reads them, so the two cannot drift).
 */

/** The API function's timeout in AWS: no request runs longer. */
export const API_TIMEOUT_SECONDS = 10;

/**
 * How long an Idempotency-Key claim stays "in progress" before a retry may take it over: a request that held
 * it has been stopped by the timeout by then (a Lambda that died mid-request never completes or releases it).
 */
export const PENDING_CLAIM_SECONDS = API_TIMEOUT_SECONDS + 20;

/** Results larger than this are not stored for replay (DynamoDB's item limit is 400 KB); a marker is. */
export const STORED_RESULT_MAX_BYTES = 300_000;
