/**
 * @module The gateway's store in the scale-out mode: each upload is published to the replicated JetStream stream
 * and {@link JetStreamStore.submit} resolves only on JetStream's publish acknowledgement — the message is then on a
 * quorum of the stream's replicas, so the device gets its 9014 for data that survives the loss of a NATS node and of
 * this gateway. Writer processes commit from the stream (server/scaleout/writer.ts). A publish that fails or times
 * out (a node lost, a leader being elected) rejects, the gateway does not acknowledge, and the device resends.
 * Refusal counts (bad CRC…) go on the stream once a second, best effort.
 */
import type { JetStreamClient } from "@nats-io/jetstream";
import { encodeErrors, encodeUpload, streamSubjects, subjectToken, uploadMessageId } from "../scaleout/messages";
import type { DecodedUpload, DeviceErrors, StoreHealth, StoreOutcome, UploadStore } from "./store";

/** Settings of the publisher. */
export interface JetStreamStoreOptions {
  stream: string;
  /** How long to wait for JetStream's acknowledgement before treating the upload as not stored. */
  publishTimeoutMs: number;
  /** How often refusal counts are published. */
  errorsEveryMs: number;
}

/** Defaults: 5 s for an acknowledgement (leader elections take a few seconds), counts every second. */
export const DEFAULT_JETSTREAM_STORE: Omit<JetStreamStoreOptions, "stream"> = { publishTimeoutMs: 5_000, errorsEveryMs: 1_000 };

/** Publishes uploads to JetStream. */
export class JetStreamStore implements UploadStore {
  private inflight = new Set<Promise<unknown>>();
  private errors = new Map<string, DeviceErrors>();
  private errorTimer: NodeJS.Timeout | null = null;
  private lastFailure: { at: Date; message: string } | null = null;
  private subjects: ReturnType<typeof streamSubjects>;
  private opts: JetStreamStoreOptions;

  constructor(
    private js: JetStreamClient,
    opts: Partial<JetStreamStoreOptions> & { stream: string },
    /** Called when the handle's connection should close (drain on stop). */
    private onClose: () => Promise<void> = async () => {},
  ) {
    this.opts = { ...DEFAULT_JETSTREAM_STORE, ...opts };
    this.subjects = streamSubjects(this.opts.stream);
  }

  /** Publishes; resolves after JetStream acknowledged (a `duplicate` when its window already held the packet). */
  submit(upload: DecodedUpload): Promise<StoreOutcome> {
    const p = this.js
      .publish(this.subjects.upload(subjectToken(upload.mn)), encodeUpload(upload), {
        msgID: uploadMessageId(upload),
        expect: { streamName: this.opts.stream },
        timeout: this.opts.publishTimeoutMs,
      })
      .then(
        (ack): StoreOutcome => {
          this.lastFailure = null;
          return ack.duplicate ? "duplicate" : "stored";
        },
        (err: Error) => {
          this.lastFailure = { at: new Date(), message: err.message };
          throw err;
        },
      );
    this.track(p);
    return p;
  }

  /** Counts a refusal; published with the next flush. */
  recordError(mn: string, reason: string) {
    const e = this.errors.get(mn) ?? { count: 0, last: reason };
    e.count++;
    e.last = reason;
    this.errors.set(mn, e);
    this.errorTimer ??= setTimeout(() => {
      this.errorTimer = null;
      this.flushErrors();
    }, this.opts.errorsEveryMs);
  }

  /** Healthy unless the last publish failed. */
  health(): StoreHealth {
    return this.lastFailure
      ? { ok: false, detail: `JetStream publish failed at ${this.lastFailure.at.toISOString()}: ${this.lastFailure.message}` }
      : { ok: true };
  }

  /** Waits for every publish in flight and sends the refusal counts. */
  async drain(): Promise<void> {
    if (this.errorTimer) clearTimeout(this.errorTimer);
    this.errorTimer = null;
    this.flushErrors();
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Drains, then closes the NATS connection. */
  async close(): Promise<void> {
    await this.drain();
    await this.onClose();
  }

  private track(p: Promise<unknown>) {
    const settled = p.catch(() => {}).finally(() => this.inflight.delete(settled));
    this.inflight.add(settled);
  }

  private flushErrors() {
    if (!this.errors.size) return;
    const errors = [...this.errors.entries()];
    this.errors.clear();
    // Statistics only: a lost count is not worth holding anything back for.
    this.track(this.js.publish(this.subjects.errors, encodeErrors(errors), { timeout: this.opts.publishTimeoutMs }).catch(() => {}));
  }
}
