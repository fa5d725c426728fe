// Runs once when the Next.js server starts (https://nextjs.org/docs/app/guides/instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseForbiddenMethods } = await import("./lib/http/refuse-methods");
    refuseForbiddenMethods();
  }
}
