/** Result of a round trip through the job queue: the api enqueues, a worker process answers. */
export interface QueueRoundTrip {
  jobId: string;
  processedBy: { hostname: string; pid: number };
  roundTripMs: number;
}
