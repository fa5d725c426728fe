// What a server page hands to a client component: dates as ISO strings, as the API would answer
// them. Typed, so a page passes its data on without a cast or a JSON round trip.

/** `T` as it reads once dates are strings. */
export type Plain<T> = T extends Date ? string : T extends (infer U)[] ? Plain<U>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

/** `value` with every Date (and anything else that writes itself as JSON) in its JSON form. */
export function toPlain<T>(value: T): Plain<T> {
  if (Array.isArray(value)) return value.map(toPlain) as Plain<T>;
  if (value !== null && typeof value === "object") {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === "function") return json.call(value) as Plain<T>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)])) as Plain<T>;
  }
  return value as Plain<T>;
}
