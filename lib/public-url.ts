/** The address people reach Sanad at, for links inside exports. */
export function publicBaseUrl(request?: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (request) return new URL(request.url).origin;
  return "http://localhost:3000";
}
