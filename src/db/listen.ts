// LISTEN on a PostgreSQL channel over a connection of its own (a pooled one would be handed to
// other work), reconnecting with backoff for as long as it is open. Notifications sent while the
// connection was down are lost, so every reconnection is reported as a gap: the caller then
// assumes anything may have changed.
import pg from "pg";

export interface ChannelListener {
  close(): Promise<void>;
}

export interface ListenHandlers {
  message(payload: string): void;
  /** The connection was lost and is back; notifications in between may be missing. */
  gap(): void;
  /** The connection failed; it is retried. */
  error(error: unknown): void;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 10_000;

export function listenPostgres(url: string, channel: string, handlers: ListenHandlers): ChannelListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;
  let lostOnce = false;

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    const candidate = new pg.Client({ connectionString: url, application_name: "newsgraph-listen", keepAlive: true });
    const lost = (error?: unknown) => {
      if (client !== candidate) return;
      client = null;
      lostOnce = true;
      if (error) handlers.error(error);
      candidate.end().catch(() => {});
      schedule();
    };
    candidate.on("error", lost);
    candidate.on("end", () => lost());
    candidate.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.message(message.payload);
    });
    try {
      client = candidate;
      await candidate.connect();
      await candidate.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      if (closed) {
        await candidate.end().catch(() => {});
        return;
      }
      retryMs = FIRST_RETRY_MS;
      if (lostOnce) handlers.gap();
    } catch (error) {
      lost(error);
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
