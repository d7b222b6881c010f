/**
 * @module How a platform-to-device request ended (HJ 212-2017 §6.7.2: request → 9011 请求应答 → data → 9012
 * 执行结果, with the timeout and retries of Table 1) — produced by the gateway, shown by the web's device page.
 */

/** The end of one request exchange. */
export interface CommandOutcome {
  /** "done": 9012 received; "refused": 9011 with QnRtn ≠ 1; "timeout": no 9011/9012 after all retries. */
  status: "done" | "refused" | "timeout";
  qnRtn: number | null;
  exeRtn: number | null;
  /** Data packets the device sent in answer (history uploads carrying the request's QN). */
  dataPackets: number;
  /** Times the request was sent (1 + resends). */
  attempts: number;
}
