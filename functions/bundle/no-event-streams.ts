/**
 * Stand-in for `@smithy/core/event-streams` in the API and jobs Lambda bundles only (an esbuild alias set by
 * infra/lib/bundling.ts `NO_EVENT_STREAMS_ALIASES`). The SDK's HTTP protocol imports it lazily, and only for
 * operations with event streams, of which DynamoDB has none. In a single-file bundle the lazy import would still
 * inline ~20 KB; this keeps it out and fails loudly should an event-stream operation ever be called. (The files
 * function's S3 client imports it eagerly, so that bundle keeps the real module.)
 */
function unsupported(): never {
  throw new Error(
    'Event streams are not included in this Lambda bundle (functions/bundle/no-event-streams.ts)',
  );
}

export const eventStreamSerdeProvider = unsupported;
export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}
