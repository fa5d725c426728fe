import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { log } from "@/lib/log";

/**
 * One LISTEN connection per app process, shared by every long-poll and live stream in it.
 * PostgreSQL delivers a NOTIFY to every listening session of every process, and only once the
 * sending transaction commits. The connection is re-opened when it drops; waiters also re-read
 * on a timer, so a notification lost while reconnecting delays an event, never loses it.
 */
export type Signal = { projectId?: string; eventId?: string; userId?: string; notificationId?: string; presence?: { articleId: string } };

const CHANNEL = "sanad_events";
const globalForListener = globalThis as unknown as { sanadListener?: Listener };

class Listener extends EventEmitter {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  ensure(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Closes the connection (tests; a process that is about to exit). */
  async stop() {
    const client = this.client;
    this.client = null;
    this.removeAllListeners("signal");
    await client?.end().catch(() => {});
  }

  private async connect() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    const drop = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) log.warn("event listener lost its connection", { error });
      client.end().catch(() => {});
      // Reconnect while someone listens; the next ensure() does it otherwise.
      if (this.listenerCount("signal") > 0) setTimeout(() => this.ensure().catch(() => {}), 1_000).unref();
    };
    client.on("error", drop);
    client.on("end", () => drop());
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const p = JSON.parse(msg.payload) as { p?: string; id?: string; u?: string; n?: string; a?: string; presence?: boolean };
        this.emit("signal", {
          projectId: p.p,
          eventId: p.id,
          userId: p.u,
          notificationId: p.n,
          presence: p.presence && p.a ? { articleId: p.a } : undefined,
        } satisfies Signal);
      } catch {
        /* not ours */
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }
}

export const listener: Listener = (globalForListener.sanadListener ??= new Listener());

/** Subscribes to signals; returns the function that unsubscribes. */
export function onSignal(handler: (s: Signal) => void): () => void {
  listener.on("signal", handler);
  listener.ensure().catch((error) => log.warn("event listener could not connect", { error }));
  return () => listener.off("signal", handler);
}
